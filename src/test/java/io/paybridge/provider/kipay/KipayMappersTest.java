package io.paybridge.provider.kipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixture in, canonical out: every documented Kipay status, error and callback event, plus unknown ones. */
class KipayMappersTest {
    final KipayResponses responses = new KipayResponses(Json.newMapper());
    final KipayCallbackReader callbacks = new KipayCallbackReader(Json.newMapper());

    @ParameterizedTest
    @CsvSource({"pending,PENDING", "completed,SUCCEEDED", "failed,FAILED", "Completed,SUCCEEDED", "cancelled,PENDING", "success,PENDING"})
    void statusWords(String raw, PaymentStatus expected) {
        assertThat(KipayStatusMapper.toCanonical(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"stk_status_completed.json,SUCCEEDED,", "stk_status_pending.json,PENDING,", "stk_status_failed.json,FAILED,DECLINED",
            "stk_status_unknown.json,PENDING,UNKNOWN_PROVIDER_STATUS"})
    void stkStatus(String fixture, PaymentStatus status, String reason) {
        Outcome outcome = responses.status(ok(fixture));
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.providerReference()).isEqualTo("MPESA12345678");
        assertThat(outcome.reason() == null ? null : outcome.reason().code()).isEqualTo(reason);
    }

    @Test
    void verifyReadsTheTransactionStatusDespiteTheDocumentsDuplicateKey() {
        // kipay.txt's verify example has "status" twice ("success", then "completed"): the transaction's wins.
        Outcome outcome = responses.status(ok("verify_completed.json"));
        assertThat(outcome.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(outcome.providerReference()).isEqualTo("KIPAY12345678");
        Outcome merged = responses.status(new ProviderResponse(200, "{\"status\":\"failed\",\"reference\":\"KIPAY1\"}".getBytes()));
        assertThat(merged.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(responses.status(new ProviderResponse(200, "{\"status\":\"success\"}".getBytes())).status()).isNull();
    }

    @Test
    void stkPushIsPendingOnThePhone() {
        Outcome outcome = responses.stkAccepted(ok("stk_push_success.json"));
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.providerReference()).isEqualTo("MPESA12345678");
        assertThat(outcome.customerAction().type()).isEqualTo("APPROVE_ON_PHONE");
    }

    @Test
    void initializeCarriesTheAuthorizationUrl() {
        Outcome outcome = responses.initialized(ok("initialize_success.json"));
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.providerReference()).isEqualTo("KIPAY12345678");
        assertThat(outcome.customerAction().type()).isEqualTo("REDIRECT");
        assertThat(outcome.customerAction().redirectUrl()).isEqualTo("https://kipay.benfex.net/payment/checkout/KIPAY12345678");
        assertThat(responses.initialized(new ProviderResponse(200, "{\"status\":\"success\"}".getBytes())).status())
                .isEqualTo(PaymentStatus.NEEDS_REVIEW);
    }

    @ParameterizedTest
    @CsvSource({"error_400.json,400,VALIDATION_FAILED,FAILED", "error_400_phone.json,400,INVALID_PHONE,FAILED",
            "error_401.json,401,AUTHENTICATION_FAILED,FAILED", "error_403.json,403,ACCOUNT_INACTIVE,FAILED",
            "error_404.json,404,VALIDATION_FAILED,FAILED", "error_405.json,405,VALIDATION_FAILED,FAILED",
            "error_422.json,422,VALIDATION_FAILED,FAILED", "error_429.json,429,PROVIDER_UNAVAILABLE,FAILED",
            "error_500.json,500,PROVIDER_ERROR,NEEDS_REVIEW", "error_unknown.json,504,PROVIDER_ERROR,NEEDS_REVIEW",
            "error_unknown.json,418,DECLINED,FAILED"})
    void errorEnvelope(String fixture, int http, String code, PaymentStatus status) {
        Outcome outcome = responses.error(new ProviderResponse(http, Fixtures.bytes("kipay/" + fixture)));
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.reason().code()).isEqualTo(code);
        assertThat(outcome.reason().message()).startsWith("Kipay: ");
        assertThat(outcome.reason().providerCode()).isEqualTo(String.valueOf(http));
    }

    @ParameterizedTest
    @CsvSource({"callback_charge_success.json,SUCCEEDED", "callback_charge_failed.json,FAILED", "callback_charge_pending.json,PENDING",
            "callback_unknown_event.json,PENDING"})
    void everyCallbackIsOnlyAHintToConfirm(String fixture, PaymentStatus hint) {
        CallbackUpdate update = callbacks.read(Fixtures.bytes("kipay/" + fixture));
        assertThat(update.confirm()).isTrue();
        assertThat(update.outcome().status()).isEqualTo(hint);
        assertThat(update.outcome().providerReference()).isEqualTo("MPESA12345678");
    }

    @Test
    void aCallbackWithoutReferenceConcernsNoPayment() {
        assertThat(callbacks.read("{\"event\":\"charge.success\",\"data\":{}}".getBytes()).outcome()).isNull();
    }

    @Test
    void customersAreMatchedByExactEmailOnly() {
        assertThat(responses.customerWithEmail("Customer@Example.com", ok("customers_list.json"))).contains(1L);
        assertThat(responses.customerWithEmail("customer@example.co", ok("customers_list.json"))).isEmpty();
        assertThat(responses.createdCustomer(new ProviderResponse(201, Fixtures.bytes("kipay/customer_created.json")))).contains(1L);
    }

    private static ProviderResponse ok(String fixture) {
        return new ProviderResponse(200, Fixtures.bytes("kipay/" + fixture));
    }
}
