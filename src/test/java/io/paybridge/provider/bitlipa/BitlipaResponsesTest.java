package io.paybridge.provider.bitlipa;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.bitlipa.BitlipaCatalog.C2bFlow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Fixture in, canonical out: every status code of the document's table, an unknown one, refusals and customer actions. */
class BitlipaResponsesTest {
    private final BitlipaResponses responses = new BitlipaResponses(Json.newMapper());

    private static ProviderResponse ok(String fixture) {
        return new ProviderResponse(200, BitlipaFixtures.bytes(fixture));
    }

    /** The document's status answer with its {@code status} replaced. */
    private static ProviderResponse withStatus(int status) {
        String body = BitlipaFixtures.text("payment-success.json").replace("\"status\": 2", "\"status\": " + status);
        return new ProviderResponse(200, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @CsvSource({"0, PENDING", "1, PENDING", "2, SUCCEEDED", "3, FAILED", "4, CANCELLED", "5, NEEDS_REVIEW", "6, PENDING",
            "-1, NEEDS_REVIEW", "42, PENDING"})
    void paymentAnswerStatusTable(int code, PaymentStatus expected) {
        Outcome outcome = responses.payment(withStatus(code), null);
        assertThat(outcome.status()).isEqualTo(expected);
        assertThat(outcome.providerStatus()).isEqualTo(String.valueOf(code));
        assertThat(outcome.providerReference()).isEqualTo("732007046722");
        if (code == 42) {
            assertThat(outcome.reason().code()).isEqualTo(ReasonCodes.UNKNOWN_PROVIDER_STATUS);
        }
    }

    @ParameterizedTest(name = "status query {0} -> {1}")
    @CsvSource({"0, PENDING", "1, PENDING", "2, SUCCEEDED", "3, FAILED", "4, CANCELLED", "5, NEEDS_REVIEW", "6, PENDING", "99, PENDING"})
    void statusAnswerStatusTable(int code, PaymentStatus expected) {
        assertThat(responses.status(withStatus(code), null).status()).isEqualTo(expected);
    }

    @Test
    void statusMinusOneMeansNotFoundAndMovesNothing() {
        Outcome outcome = responses.status(ok("status-not-found.json"), null);
        assertThat(outcome.status()).isNull();
        assertThat(outcome.providerStatus()).isEqualTo("-1");
        assertThat(outcome.isUnknownToProvider()).as("-1 to a lookup by order_id is 'not found' (NOTES.md)").isTrue();
    }

    @Test
    void http200WithNonZeroResultCodeIsARefusal() {
        Outcome outcome = responses.payment(ok("refused-result-code.json"), null);
        assertThat(outcome.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(outcome.providerReference()).isNull();
        assertThat(outcome.reason().code()).isEqualTo(ReasonCodes.DECLINED);
        assertThat(outcome.reason().providerCode()).isEqualTo("result:7");
        assertThat(outcome.reason().message()).isEqualTo("Insufficient funds on the customer account");
    }

    @Test
    void refusalCodeBesideAnInFlightStatusIsLeftToTheStatusMethod() {
        String body = BitlipaFixtures.text("refused-result-code.json").replace("\"status\": 3", "\"status\": 1");
        Outcome outcome = responses.payment(new ProviderResponse(200, body.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(outcome.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(outcome.reason().providerCode()).isEqualTo("result:7");
    }

    @Test
    void statusFieldIsAuthoritativeOnStatusAnswersEvenWithAResultCode() {
        String body = BitlipaFixtures.text("refused-result-code.json").replace("\"status\": 3", "\"status\": 2");
        assertThat(responses.status(new ProviderResponse(200, body.getBytes(StandardCharsets.UTF_8)), null).status())
                .isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void testProviderAnswerIsPendingWithPhoneApproval() {
        Outcome outcome = responses.payment(ok("c2b-accepted-test-provider.json"), C2bFlow.APPROVE_ON_PHONE);
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.providerReference()).isEqualTo("12345");
        assertThat(outcome.customerAction().type()).isEqualTo("APPROVE_ON_PHONE");
    }

    @Test
    void bankTransferDetailsBecomePaymentInstructions() {
        Outcome outcome = responses.payment(ok("c2b-bank-transfer-details.json"), C2bFlow.BANK_DETAILS);
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.providerReference()).as("blank transaction_id: no callback will follow").isNull();
        assertThat(outcome.customerAction().type()).isEqualTo("PAYMENT_INSTRUCTIONS");
        assertThat(outcome.customerAction().instructions()).isEqualTo("Transfer 100 to account 4000000000 at Premium Trust Bank");
    }

    @Test
    void customerRedirectBecomesARedirectAction() {
        Outcome outcome = responses.status(ok("status-redirect.json"), null);
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.customerAction().type()).isEqualTo("REDIRECT");
        assertThat(outcome.customerAction().redirectUrl()).isEqualTo("https://pay.example.net/otp/880001");
    }

    @Test
    void nonZeroConfirmTypeKeepsThePaymentPendingWithAnAction() {
        Outcome outcome = responses.payment(ok("confirm-type.json"), null);
        assertThat(outcome.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(outcome.customerAction().type()).isEqualTo("CONFIRMATION_REQUIRED");
    }

    @Test
    void documentStatusExampleSucceeds() {
        Outcome outcome = responses.status(ok("status-with-customer-message.json"), null);
        assertThat(outcome.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(outcome.providerReference()).isEqualTo("532007056722");
        assertThat(outcome.customerAction()).isNull();
    }

    @Test
    void customerMessageOnAnInFlightAnswerIsAnInstruction() {
        String body = BitlipaFixtures.text("status-with-customer-message.json").replace("\"status\": 2", "\"status\": 1");
        Outcome outcome = responses.status(new ProviderResponse(200, body.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(outcome.customerAction().instructions()).startsWith("Complete the payment");
    }

    @Test
    void unreadableTwoHundredNeedsReviewAndTellsStatusNothing() {
        ProviderResponse garbage = new ProviderResponse(200, "<html>".getBytes(StandardCharsets.UTF_8));
        assertThat(responses.payment(garbage, null).status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(responses.status(garbage, null).status()).isNull();
        assertThat(responses.status(new ProviderResponse(502, new byte[0]), null).status()).isNull();
    }
}
