package io.paybridge.provider.bitlipa;

import static io.paybridge.provider.bitlipa.BitlipaRulesTest.command;
import static io.paybridge.provider.bitlipa.BitlipaRulesTest.phone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.config.Json;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector's requests and conversation, answer by answer, and its callback verification. */
class BitlipaConnectorTest {
    static final String SECRET = "gateway-test-secret";
    static final ObjectMapper JSON = Json.newMapper();
    private final BitlipaConnector connector = new BitlipaConnector(new BitlipaSettings("http://gw.test/", "pub123", "merchant-9",
            SECRET, "https://erp.example/callbacks/bitlipa", Map.of()), JSON);
    private final BitlipaSigner signer = new BitlipaSigner(SECRET);

    private static ProviderResponse answer(int status, String json) {
        return new ProviderResponse(status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String answerJson(int status, String extra) {
        return "{\"order_id\":\"pay-1\",\"transaction_id\":\"T-77\",\"transaction_ref\":\"\",\"status\":" + status
                + ",\"result\":{\"code\":0,\"message\":\"OK\"}" + (extra == null ? "" : ",\"extra\":" + extra) + ",\"confirm_type\":0}";
    }

    @Test
    void paymentRequestIsSignedOverTheExactBytesInDocumentOrder() throws Exception {
        PaymentCommand c = command(PaymentType.COLLECTION, "150", "KES", "KE", phone("+254712345678", "Jane Doe", "j@x.io"), null);
        ProviderRequest request = connector.initiate(c);
        assertThat(request.operation()).isEqualTo("payment_c2b");
        assertThat(request.url()).isEqualTo("http://gw.test/pub123/payment_c2b");
        assertThat(request.headers()).containsEntry("Content-Type", "application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("merchant_id", "customer_id", "order_id", "amount", "currency",
                "country", "callback_url", "provider_id", "extra", "signature");
        assertThat(body.get("order_id").asText()).isEqualTo("pay-1");
        assertThat(body.get("amount").isTextual()).isTrue();
        assertThat(body.get("amount").asText()).isEqualTo("150.00");
        assertThat(body.get("provider_id").isInt()).isTrue();
        assertThat(BitlipaSigner.canonical(body)).isEqualTo("merchant_idmerchant-9customer_id254712345678order_idpay-1amount150.00"
                + "currencyKEScountryKEcallback_urlhttps://erp.example/callbacks/bitlipaprovider_id199"
                + "extra.customer_nameJane Doeextra.customer_emailj@x.io");
        assertThat(signer.verify(body, body.get("signature").asText())).isTrue();
    }

    @Test
    void phonePromptCollectionIsPendingAfterOneCall() {
        PaymentCommand c = command(PaymentType.COLLECTION, "150", "KES", "KE", phone("+254712345678", "Jane Doe", "j@x.io"), null);
        Step step = connector.afterInitiation(c, calls(c, answer(200, answerJson(1, null))));
        assertThat(step.isDone()).isTrue();
        assertThat(step.outcome().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(step.outcome().providerReference()).isEqualTo("T-77");
        assertThat(step.outcome().customerAction().type()).isEqualTo("APPROVE_ON_PHONE");
    }

    @Test
    void redirectCountryAsksTheStatusMethodForTheLink() throws Exception {
        PaymentCommand c = command(PaymentType.COLLECTION, "20", "GHS", "GH", phone("+233241234567", "Kofi Mensah", "k@m.gh"), null);
        List<ProviderCall> calls = calls(c, answer(200, answerJson(1, null)));
        Step step = connector.afterInitiation(c, calls);
        assertThat(step.isDone()).isFalse();
        assertThat(step.next().operation()).isEqualTo("status");
        JsonNode statusBody = JSON.readTree(step.next().body());
        assertThat(statusBody.fieldNames()).toIterable().containsExactly("merchant_id", "order_id", "signature");
        calls.add(new ProviderCall(step.next(), answer(200, answerJson(1, "{\"customer_redirect\":\"https://otp.example/abc\"}"))));
        Step done = connector.afterInitiation(c, calls);
        assertThat(done.outcome().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(done.outcome().customerAction().redirectUrl()).isEqualTo("https://otp.example/abc");
        assertThat(done.outcome().providerReference()).isEqualTo("T-77");
    }

    @Test
    void serverErrorIsFollowedByAStatusQueryNeverAResend() {
        PaymentCommand c = command(PaymentType.PAYOUT, "600", "KES", "KE", phone("+254712345678", "Jane Doe", null),
                "{\"bitlipa_provider_id\":347}");
        List<ProviderCall> calls = calls(c, answer(500, "oops"));
        Step step = connector.afterInitiation(c, calls);
        assertThat(step.next().operation()).isEqualTo("status");
        List<ProviderCall> notFound = new ArrayList<>(calls);
        notFound.add(new ProviderCall(step.next(), answer(200, BitlipaFixtures.text("status-not-found.json"))));
        Step review = connector.afterInitiation(c, notFound);
        assertThat(review.outcome().status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(review.outcome().reason().code()).isEqualTo(ReasonCodes.AMBIGUOUS_OUTCOME);
        List<ProviderCall> found = new ArrayList<>(calls);
        found.add(new ProviderCall(step.next(), answer(200, answerJson(2, null))));
        assertThat(connector.afterInitiation(c, found).outcome().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void clientErrorsFailWithTheirReason() {
        PaymentCommand c = command(PaymentType.COLLECTION, "150", "KES", "KE", phone("+254712345678", "Jane Doe", "j@x.io"), null);
        Step step = connector.afterInitiation(c, calls(c, answer(401, "{}")));
        assertThat(step.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(step.outcome().reason().code()).isEqualTo(ReasonCodes.AUTHENTICATION_FAILED);
    }

    @Test
    void statusQueryIsByOrderIdEvenWithoutAReference() throws Exception {
        ProviderRequest query = connector.statusQuery(new PaymentSnapshot("pay-9", PaymentType.PAYOUT, PaymentStatus.NEEDS_REVIEW, null))
                .orElseThrow();
        assertThat(query.url()).isEqualTo("http://gw.test/pub123/status");
        assertThat(JSON.readTree(query.body()).get("order_id").asText()).isEqualTo("pay-9");
    }

    @Test
    void signedCallbackIsVerifiedAndRead() throws Exception {
        ObjectNode callback = (ObjectNode) JSON.readTree("{\"transaction_id\":\"T-77\",\"order_id\":\"pay-1\",\"status\":2,"
                + "\"service_id\":12345,\"service_version\":\"5.2.0\",\"amount\":\"150.00\",\"result\":{\"code\":0,\"message\":\"OK\"}}");
        byte[] raw = JSON.writeValueAsBytes(signer.signed(callback));
        CallbackHeaders none = new CallbackHeaders(Map.of());
        assertThat(connector.webhookVerifier().verify(raw, none).valid()).isTrue();
        CallbackUpdate update = connector.readCallback(raw, none);
        assertThat(update.paymentId()).isEqualTo("pay-1");
        assertThat(update.outcome().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(update.deliveryKey()).isEqualTo("T-77:2");
    }

    @Test
    void callbackVerificationIsOverTheRawOrderAndNumbersAsSent() throws Exception {
        // service_version 11.10 is the number 11.1 for PHP: the signature covers "11.1"
        String unsigned = "{\"order_id\":\"pay-1\",\"status\":2,\"service_version\":11.10,\"result\":{\"code\":0,\"message\":\"OK\"}}";
        String signature = signer.sign(JSON.readTree(unsigned));
        assertThat(BitlipaSigner.canonical(JSON.readTree(unsigned))).contains("service_version11.1result.code0");
        String raw = unsigned.substring(0, unsigned.length() - 1) + ",\"signature\":\"" + signature + "\"}";
        assertThat(connector.webhookVerifier().verify(raw.getBytes(StandardCharsets.UTF_8), new CallbackHeaders(Map.of())).valid()).isTrue();
        String reordered = "{\"status\":2,\"order_id\":\"pay-1\",\"service_version\":11.10,\"result\":{\"code\":0,\"message\":\"OK\"},"
                + "\"signature\":\"" + signature + "\"}";
        assertThat(connector.webhookVerifier().verify(reordered.getBytes(StandardCharsets.UTF_8), new CallbackHeaders(Map.of())).valid())
                .isFalse();
    }

    @Test
    void forgedOrMalformedCallbacksAreRejectedNotThrown() throws Exception {
        CallbackHeaders none = new CallbackHeaders(Map.of());
        ObjectNode callback = (ObjectNode) JSON.readTree("{\"order_id\":\"pay-1\",\"status\":2}");
        byte[] forged = JSON.writeValueAsBytes(new BitlipaSigner("not-the-secret").signed(callback));
        assertThat(connector.webhookVerifier().verify(forged, none).failure()).isEqualTo("signature mismatch");
        assertThat(connector.webhookVerifier().verify(BitlipaFixtures.bytes("callback-document-example.json"), none).valid())
                .as("the document's example carries the placeholder signature").isFalse();
        assertThat(connector.webhookVerifier().verify("{\"order_id\":\"pay-1\",\"status\":2}".getBytes(StandardCharsets.UTF_8), none)
                .failure()).isEqualTo("missing signature field");
        assertThat(connector.webhookVerifier().verify("status=2".getBytes(StandardCharsets.UTF_8), none).valid()).isFalse();
        assertThat(connector.webhookVerifier().verify(new byte[0], none).valid()).isFalse();
        assertThat(connector.webhookVerifier().verify("[1,2]".getBytes(StandardCharsets.UTF_8), none).valid()).isFalse();
    }

    @Test
    void bankListsAreOperatorQueries() {
        assertThat(connector.operatorQueries()).containsOnlyKeys("banks-5008", "banks-5012");
        assertThat(connector.operatorQueries().get("banks-5008").get().url()).isEqualTo("http://gw.test/pub123/banks");
    }

    private List<ProviderCall> calls(PaymentCommand c, ProviderResponse response) {
        List<ProviderCall> calls = new ArrayList<>();
        calls.add(new ProviderCall(connector.initiate(c), response));
        return calls;
    }
}
