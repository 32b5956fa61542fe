package io.paybridge.provider.bitnovapay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixture in, canonical out: every documented status, error and event of BitnovaPay, plus unknown ones. */
class BitnovaPayMappersTest {
    final BitnovaPayResponses responses = new BitnovaPayResponses(Json.newMapper());
    final BitnovaPayCallbackReader callbacks = new BitnovaPayCallbackReader(Json.newMapper());

    @ParameterizedTest
    @CsvSource({"pending,PENDING", "completed,SUCCEEDED", "success,SUCCEEDED", "failed,FAILED", "COMPLETED,SUCCEEDED",
            "on_hold,PENDING", "'',PENDING"})
    void statusWords(String raw, PaymentStatus expected) {
        assertThat(BitnovaPayStatusMapper.toCanonical(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"status_completed.json,SUCCEEDED,", "status_pending.json,PENDING,", "status_failed.json,FAILED,DECLINED",
            "status_unknown.json,PENDING,UNKNOWN_PROVIDER_STATUS"})
    void statusAnswers(String fixture, PaymentStatus status, String reason) {
        Outcome outcome = responses.payment(ok(fixture));
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.providerReference()).isEqualTo("BNP-XXXXXXXXXX");
        assertThat(outcome.fee()).isEqualByComparingTo("15");
        assertThat(outcome.reason() == null ? null : outcome.reason().code()).isEqualTo(reason);
    }

    @Test
    void stkAnswerIsPendingOnThePhoneWithItsFee() {
        Outcome outcome = responses.stkAccepted(ok("stk_push_pending.json"));
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.providerReference()).isEqualTo("MDA-XXXXXXXXXX");
        assertThat(outcome.fee()).isEqualByComparingTo("5.00");
        assertThat(outcome.customerAction().type()).isEqualTo("APPROVE_ON_PHONE");
    }

    @Test
    void redirectAnswersKeepThePaymentPendingWithTheUrl() {
        Outcome paypal = responses.redirectAccepted(ok("payment_redirect_paypal.json"));
        assertThat(paypal.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(paypal.providerReference()).isEqualTo("BNP-XXXXXXXXXX");
        assertThat(paypal.customerAction().redirectUrl()).isEqualTo("https://www.paypal.com/checkoutnow?token=xxx");
        Outcome crypto = responses.redirectAccepted(ok("payment_redirect_crypto.json"));
        assertThat(crypto.providerReference()).isEqualTo("xxxx"); // crypto answers carry only invoice_id
        assertThat(crypto.customerAction().redirectUrl()).isEqualTo("https://nowpayments.io/payment/?iid=xxxx");
    }

    @Test
    void anUnreadableSuccessIsNeedsReviewNeverFailed() {
        Outcome outcome = responses.stkAccepted(new ProviderResponse(200, "<html>".getBytes()));
        assertThat(outcome.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCodes.UNKNOWN_PROVIDER_STATUS);
    }

    @ParameterizedTest
    @CsvSource({"error_400.json,400,INVALID_PHONE,FAILED", "error_400_insufficient.json,400,INSUFFICIENT_FLOAT,FAILED",
            "error_401.json,401,AUTHENTICATION_FAILED,FAILED", "error_403.json,403,ACCOUNT_INACTIVE,FAILED",
            "error_404.json,404,VALIDATION_FAILED,FAILED", "error_429.json,429,PROVIDER_UNAVAILABLE,FAILED",
            "error_500.json,500,PROVIDER_ERROR,NEEDS_REVIEW", "error_unknown.json,418,DECLINED,FAILED",
            "error_500.json,502,PROVIDER_ERROR,NEEDS_REVIEW"})
    void errorEnvelope(String fixture, int http, String code, PaymentStatus status) {
        Outcome outcome = responses.error(new ProviderResponse(http, Fixtures.bytes("bitnovapay/" + fixture)));
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.reason().code()).isEqualTo(code);
        assertThat(outcome.reason().message()).startsWith("BitnovaPay: ");
    }

    @Test
    void aPlain400KeepsItsTextAndCode() {
        Outcome outcome = responses.error(new ProviderResponse(400, "{\"error\":\"amount is required.\",\"code\":400}".getBytes()));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCodes.VALIDATION_FAILED);
        assertThat(outcome.reason().message()).isEqualTo("BitnovaPay: amount is required.");
        assertThat(outcome.reason().providerCode()).isEqualTo("400");
    }

    @ParameterizedTest
    @CsvSource({"webhook_payment_success.json,SUCCEEDED,MDA-XXXXXXXXXX", "webhook_payment_failed.json,FAILED,BNP-XXXXXXXXXX",
            "webhook_withdrawal_success.json,SUCCEEDED,WD-XXXXXXXXXX", "webhook_withdrawal_failed.json,FAILED,WD-XXXXXXXXXX"})
    void webhookEvents(String fixture, PaymentStatus status, String reference) {
        CallbackUpdate update = callbacks.read(Fixtures.bytes("bitnovapay/" + fixture));
        assertThat(update.paymentId()).isNull();
        assertThat(update.confirm()).isFalse();
        assertThat(update.outcome().status()).isEqualTo(status);
        assertThat(update.outcome().providerReference()).isEqualTo(reference);
        assertThat(update.outcome().reason() == null).isEqualTo(status == PaymentStatus.SUCCEEDED);
    }

    @Test
    void anUnknownEventConcernsNoPayment() {
        assertThat(callbacks.read(Fixtures.bytes("bitnovapay/webhook_unknown_event.json")).outcome()).isNull();
    }

    @Test
    void anEventContradictedByItsOwnStatusDecidesNothing() {
        byte[] body = "{\"event\":\"payment.success\",\"timestamp\":1,\"data\":{\"reference\":\"R\",\"status\":\"failed\"}}".getBytes();
        assertThat(callbacks.read(body).outcome().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void channelListingAndRegistration() {
        assertThat(responses.channelWithLabel("equity bank", ok("channels.json"))).contains(1L);
        assertThat(responses.channelWithLabel("KCB", ok("channels.json"))).isEmpty();
        assertThat(responses.registration(ok("webhook_registered.json")).secret()).isEqualTo("whsec_xxxxxxxxxxxxxxxx");
        assertThat(responses.createdChannel(new ProviderResponse(201, "{\"data\":{\"id\":9}}".getBytes()))).contains(9L);
        assertThat(responses.createdChannel(new ProviderResponse(201, "{\"id\":8,\"label\":\"x\"}".getBytes()))).contains(8L);
    }

    @Test
    void listingFindsOnlyTheRowThatNamesThePayment() {
        Outcome found = responses.listing("pay-42", ok("transactions_page.json"));
        assertThat(found.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(found.providerReference()).isEqualTo("BNP-AAAAAAAAAA");
        assertThat(responses.listing("pay-420", ok("transactions_page.json")).providerReference()).isEqualTo("BNP-BBBBBBBBBB");
        assertThat(responses.listing("pay-4", ok("transactions_page.json")).status()).isNull();
    }

    private static ProviderResponse ok(String fixture) {
        return new ProviderResponse(200, Fixtures.bytes("bitnovapay/" + fixture));
    }
}
