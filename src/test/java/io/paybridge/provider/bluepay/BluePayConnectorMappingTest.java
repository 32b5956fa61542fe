package io.paybridge.provider.bluepay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.LostAnswerLookup;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Fixture in (JSON from bluepay.txt), canonical outcome out: every documented status and error code, plus unknown ones. */
class BluePayConnectorMappingTest {
    final BluePayConnector connector = new BluePayConnector(new BluePaySettings("http://bluepay.test", "secret", null, null,
            "550e8400-e29b-41d4-a716-446655440000", "https://erp.example/callbacks/bluepay"), Json.newMapper());

    @ParameterizedTest(name = "{0} HTTP {1} -> {2} {3}")
    @CsvSource({
            "error-400-invalid-json,            400, FAILED,       VALIDATION_FAILED,     400",
            "error-401-unauthorized,            401, FAILED,       AUTHENTICATION_FAILED, 401",
            "error-403-invalid-csrf,            403, FAILED,       AUTHENTICATION_FAILED, 403",
            "error-403-merchant-inactive,       403, FAILED,       ACCOUNT_INACTIVE,      MERCHANT_INACTIVE",
            "error-403-b2c-disabled,            403, FAILED,       ACCOUNT_INACTIVE,      B2C_DISABLED",
            "error-402-insufficient-prepaid,    402, FAILED,       PROVIDER_FEE_UNPAID,   INSUFFICIENT_PREPAID",
            "error-409-insufficient-b2c-balance,409, FAILED,       INSUFFICIENT_FLOAT,    INSUFFICIENT_B2C_BALANCE",
            "error-409-reference-in-use,        409, NEEDS_REVIEW, DUPLICATE_REFERENCE,   REFERENCE_IN_USE",
            "error-422-invalid-phone,           422, FAILED,       INVALID_PHONE,         INVALID_PHONE",
            "error-422-b2c-validation-failed,   422, FAILED,       VALIDATION_FAILED,     B2C_VALIDATION_FAILED",
            "error-422-channel-not-available,   422, FAILED,       ACCOUNT_INACTIVE,      CHANNEL_NOT_AVAILABLE",
            "error-422-account-reference-invalid,422, FAILED,      VALIDATION_FAILED,     ACCOUNT_REFERENCE_INVALID",
            "error-422-plain,                   422, FAILED,       VALIDATION_FAILED,     422",
            "error-502-stk,                     502, NEEDS_REVIEW, PROVIDER_ERROR,        502",
            "error-502-b2c-gateway,             502, NEEDS_REVIEW, PROVIDER_ERROR,        B2C_GATEWAY_ERROR",
            "error-503-b2c-unavailable,         503, FAILED,       PROVIDER_UNAVAILABLE,  B2C_UNAVAILABLE",
            "error-418-unknown-code,            418, FAILED,       DECLINED,              SOMETHING_NEW",
    })
    void mapsEveryDocumentedError(String fixture, int http, PaymentStatus status, String reason, String providerCode) {
        Outcome outcome = initiationOutcome(PaymentType.PAYOUT, http, fixture);
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.reason().code()).isEqualTo(reason);
        assertThat(outcome.reason().providerCode()).isEqualTo(providerCode);
        assertThat(outcome.reason().message()).isNotBlank();
    }

    @Test
    void stkAcceptedIsPendingWithTheCheckoutIdAndAPhonePrompt() {
        Outcome outcome = initiationOutcome(PaymentType.COLLECTION, 200, "stk-accepted");
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.providerReference()).isEqualTo("ws_CO_191220191020363925");
        assertThat(outcome.customerAction().type()).isEqualTo("APPROVE_ON_PHONE");
    }

    @Test
    void payoutAcceptedIsPendingWithPayoutIdAndFee() {
        Outcome outcome = initiationOutcome(PaymentType.PAYOUT, 200, "payout-accepted");
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.providerReference()).isEqualTo("7d9f3c1e-8a4b-4b7e-9c1d-2f6a5e4b3c21");
        assertThat(outcome.fee()).isEqualByComparingTo("25.00");
    }

    @Test
    void anUnreadableSuccessIsNeverTakenAsFailure() {
        ProviderResponse garbage = new ProviderResponse(200, "<html>ok</html>".getBytes());
        Outcome outcome = connector.afterInitiation(command(PaymentType.PAYOUT), List.of(call(garbage))).outcome();
        assertThat(outcome.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCodes.UNKNOWN_PROVIDER_STATUS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "payment-status-paid,       SUCCEEDED",
            "payment-status-pending,    PENDING",
            "payment-status-failed,     FAILED",
            "payment-status-confirming, PENDING",
            "payment-status-unknown,    PENDING",
    })
    void mapsPaymentStatus(String fixture, PaymentStatus expected) {
        Outcome outcome = statusOutcome(PaymentType.COLLECTION, "ws_CO_1", fixture);
        assertThat(outcome.status()).isEqualTo(expected);
    }

    @Test
    void notFoundMovesNothingButProvesBluePayNeverGotThePush() {
        Outcome notFound = statusOutcome(PaymentType.COLLECTION, null, "payment-status-not-found");
        assertThat(notFound.status()).isNull();
        assertThat(notFound.isUnknownToProvider()).as("asked by account_reference = our id").isTrue();
    }

    @Test
    void aLostPayoutIsLookedUpByResendingItWithTheSameReference() {
        var lost = new PaymentSnapshot("INV-7", PaymentType.PAYOUT, PaymentStatus.SUBMITTED, null);
        assertThat(connector.lostAnswerLookup(lost)).isInstanceOf(LostAnswerLookup.IdempotentResend.class);
        assertThat(connector.lostAnswerLookup(new PaymentSnapshot("INV-7", PaymentType.PAYOUT, PaymentStatus.PENDING, "7d9f3c1e")))
                .isInstanceOf(LostAnswerLookup.Query.class);
        assertThat(connector.lostAnswerLookup(new PaymentSnapshot("INV-1", PaymentType.COLLECTION, PaymentStatus.SUBMITTED, null)))
                .isInstanceOf(LostAnswerLookup.Query.class);

        Outcome held = connector.interpretStatus(lost, new ProviderResponse(409, Fixtures.bytes("bluepay", "error-409-reference-in-use")));
        assertThat(held.status()).as("BluePay holds it: its callback decides").isEqualTo(PaymentStatus.PENDING);
        assertThat(held.reason().code()).isEqualTo(ReasonCodes.DUPLICATE_REFERENCE);
        Outcome poor = connector.interpretStatus(lost, new ProviderResponse(409, Fixtures.bytes("bluepay", "error-409-insufficient-b2c-balance")));
        assertThat(poor.status()).as("a 409 that does not say it holds the payout proves nothing").isNull();
    }

    @Test
    void anUnknownStatusWordIsKeptAndFlagged() {
        Outcome outcome = statusOutcome(PaymentType.COLLECTION, null, "payment-status-unknown");
        assertThat(outcome.providerStatus()).isEqualTo("EXPIRED");
        assertThat(outcome.reason().code()).isEqualTo(ReasonCodes.UNKNOWN_PROVIDER_STATUS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "payout-status-pending,  PENDING",
            "payout-status-success,  SUCCEEDED",
            "payout-status-failed,   FAILED",
            "payout-status-reversed, REVERSED",
            "payout-status-unknown,  PENDING",
    })
    void mapsPayoutStatus(String fixture, PaymentStatus expected) {
        assertThat(statusOutcome(PaymentType.PAYOUT, "7d9f3c1e", fixture).status()).isEqualTo(expected);
    }

    @Test
    void asksStkStatusByOurReferenceAndPayoutStatusByPayoutId() {
        ProviderRequest stk = connector.statusQuery(new PaymentSnapshot("INV 1/2", PaymentType.COLLECTION, PaymentStatus.SUBMITTED, null))
                .orElseThrow();
        assertThat(stk.url()).isEqualTo("http://bluepay.test/api/payment_status.php?account_reference=INV+1%2F2");
        ProviderRequest payout = connector.statusQuery(new PaymentSnapshot("P1", PaymentType.PAYOUT, PaymentStatus.PENDING, "abc"))
                .orElseThrow();
        assertThat(payout.url()).isEqualTo("http://bluepay.test/api/v1/b2c/payout_status?payout_id=abc");
        assertThat(connector.statusQuery(new PaymentSnapshot("P2", PaymentType.PAYOUT, PaymentStatus.SUBMITTED, null))).isEmpty();
    }

    @Test
    void stkRequestCarriesOurIdAsAccountReferenceAndWholeShillings() {
        ProviderRequest request = connector.initiate(command(PaymentType.COLLECTION));
        assertThat(new String(request.body())).isEqualTo("{\"channel_id\":\"550e8400-e29b-41d4-a716-446655440000\","
                + "\"phone\":\"254712345678\",\"amount\":1500,\"account_reference\":\"INV-7\","
                + "\"callback_url\":\"https://erp.example/callbacks/bluepay\"}");
        assertThat(request.url()).isEqualTo("http://bluepay.test/api/stk_push.php");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer secret").containsEntry("Content-Type", "application/json");
    }

    @Test
    void payoutRequestUsesTheB2cShape() {
        ProviderRequest request = connector.initiate(command(PaymentType.PAYOUT));
        assertThat(new String(request.body())).isEqualTo("{\"amount\":1500,\"phone\":\"254712345678\",\"reference\":\"INV-7\","
                + "\"description\":\"Invoice 7\",\"callbackUrl\":\"https://erp.example/callbacks/bluepay\"}");
        assertThat(request.url()).isEqualTo("http://bluepay.test/api/v1/b2c/payouts");
    }

    @Test
    void basicCredentialsWinWhenConfigured() {
        var basic = new BluePayConnector(new BluePaySettings("http://bluepay.test", "secret", "user", "pass", "c", null),
                Json.newMapper());
        assertThat(basic.initiate(command(PaymentType.PAYOUT)).headers()).containsEntry("Authorization", "Basic dXNlcjpwYXNz");
    }

    private Outcome initiationOutcome(PaymentType type, int http, String fixture) {
        ProviderResponse response = new ProviderResponse(http, Fixtures.bytes("bluepay", fixture));
        return connector.afterInitiation(command(type), List.of(call(response))).outcome();
    }

    private Outcome statusOutcome(PaymentType type, String ref, String fixture) {
        return connector.interpretStatus(new PaymentSnapshot("INV-1", type, PaymentStatus.PENDING, ref),
                new ProviderResponse(200, Fixtures.bytes("bluepay", fixture)));
    }

    private ProviderCall call(ProviderResponse response) {
        return new ProviderCall(connector.initiate(command(PaymentType.PAYOUT)), response);
    }

    static PaymentCommand command(PaymentType type) {
        return new PaymentCommand("INV-7", type, "bluepay", new BigDecimal("1500.00"), "KES", "KE",
                new Customer("+254712345678", null, null, null, null, null, null), "Invoice 7", null, null);
    }
}
