package io.paybridge.sandbox.bluepay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BluePaySimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STK = "/api/stk_push.php";
    private static final String STATUS = "/api/payment_status.php";
    private static final String PAYOUTS = "/api/v1/b2c/payouts";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BluePaySimulator.Settings settings = BluePaySimulator.Settings.defaults();
    private final String bearer = "Bearer " + settings.apiSecret();
    private BluePaySimulator sim;
    private Receiver receiver;

    @BeforeEach
    void start() throws IOException {
        sim = BluePaySimulator.start(settings);
        receiver = Receiver.start();
        sim.setCallbackUrl(receiver.url());
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    @Test
    void rejectsMissingOrWrongCredentialsAndAcceptsBasic() throws Exception {
        String channels = "/api/payment_channels.php";
        Answer missing = call("GET", channels, null, null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("error").asText()).isEqualTo("Unauthorized");
        assertThat(missing.json().path("hint").asText()).isEqualTo("See /public/docs.php#authentication");
        assertThat(call("GET", channels, null, "Bearer not-the-secret").status()).isEqualTo(401);
        assertThat(call("GET", channels, null, basic("sim-user", "wrong")).status()).isEqualTo(401);

        Answer viaBasic = call("GET", channels, null, basic("sim-user", "sim-pass"));
        assertThat(viaBasic.status()).isEqualTo(200);
        assertThat(viaBasic.contentType()).isEqualTo("application/json");
        assertThat(sim.callCount(channels)).isEqualTo(4);
    }

    @Test
    void listsTheConfiguredChannel() throws Exception {
        JsonNode channel = call("POST", "/api/payment_channels.php", "{}", bearer).json().path("payment_channels").get(0);
        assertThat(channel.path("channel_id").asText()).isEqualTo(settings.channelId());
        assertThat(channel.path("channel_type").asText()).isEqualTo("paybill");
        assertThat(channel.path("is_active").asBoolean()).isTrue();
    }

    @Test
    void answersEnvelopesForUnknownPathWrongMethodAndBadJson() throws Exception {
        assertThat(call("GET", "/api/nope.php", null, bearer).json().path("error").asText()).isEqualTo("Not found");
        Answer wrongMethod = call("GET", STK, null, bearer);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("message").asText()).isEqualTo("Method not allowed");
        Answer badJson = call("POST", STK, "{not json", bearer);
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.json().path("error").asText()).isEqualTo("Invalid JSON body");
    }

    @Test
    void stkSuccessSendsASignedCallbackAndSettlesTheStatus() throws Exception {
        Answer accepted = stk("0712345678", 100, "INV-1");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("stk_request_id").isInt()).isTrue();
        String checkout = accepted.json().path("checkout_request_id").asText();
        assertThat(checkout).startsWith("ws_CO_");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries.size() == 1);
        Delivery delivery = receiver.deliveries.get(0);
        assertThat(delivery.event()).isEqualTo("mpesa.payment.received");
        assertThat(delivery.signature()).isEqualTo("v1=" + hmacHex(delivery.body(), settings.apiSecret()));
        assertThat(UUID.fromString(delivery.idempotencyKey())).isNotNull();
        JsonNode data = JSON.readTree(delivery.body()).path("data");
        assertThat(data.path("account_reference").asText()).isEqualTo("INV-1");
        assertThat(data.path("checkout_request_id").asText()).isEqualTo(checkout);
        assertThat(data.path("phone").asText()).isEqualTo("254712345678");
        assertThat(data.path("amount").asLong()).isEqualTo(100);
        assertThat(data.path("status").asText()).isEqualTo("success");

        JsonNode status = call("GET", STATUS + "?checkout_request_id=" + checkout, null, bearer).json();
        assertThat(status.path("paid").asBoolean()).isTrue();
        assertThat(status.path("stk_status").asText()).isEqualTo("SUCCESS");
        assertThat(status.path("order").path("status").asText()).isEqualTo("completed");
        assertThat(status.path("payment").path("mpesa_receipt_number").asText())
                .isEqualTo(data.path("mpesa_receipt_number").asText());
    }

    @Test
    void stkIsIdempotentPerAccountReference() throws Exception {
        JsonNode first = stk("254712345678", 100, "INV-2").json();
        JsonNode second = stk("254712345678", 100, "INV-2").json();
        assertThat(second.path("checkout_request_id").asText()).isEqualTo(first.path("checkout_request_id").asText());
        assertThat(second.path("stk_request_id").asInt()).isEqualTo(first.path("stk_request_id").asInt());
        assertThat(sim.createCount("INV-2")).isEqualTo(1);
        assertThat(sim.receivedReferences()).containsExactly("INV-2", "INV-2");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.deliveries.size() == 1);
    }

    @Test
    void phoneEndingIn999FailsAndPaymentStatusSaysSo() throws Exception {
        stk("0712345999", 50, "INV-3");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries.size() == 1);
        Delivery delivery = receiver.deliveries.get(0);
        assertThat(delivery.event()).isEqualTo("mpesa.payment.failed");
        JsonNode data = JSON.readTree(delivery.body()).path("data");
        assertThat(data.path("status").asText()).isEqualTo("failed");
        assertThat(data.path("result_desc").asText()).isEqualTo("Request cancelled by user");

        JsonNode status = call("POST", STATUS, "{\"account_reference\":\"INV-3\"}", bearer).json();
        assertThat(status.path("failed").asBoolean()).isTrue();
        assertThat(status.path("paid").asBoolean()).isFalse();
        assertThat(status.path("order").path("status").asText()).isEqualTo("failed");
        assertThat(status.path("payment").isNull()).isTrue();
    }

    @Test
    void phoneEndingIn998StaysPendingWithoutCallback() throws Exception {
        int id = stk("0712345998", 50, "INV-4").json().path("stk_request_id").asInt();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() ->
                receiver.deliveries.isEmpty()
                        && "PENDING".equals(call("POST", STATUS, "{\"stk_request_id\":" + id + "}", bearer)
                                .json().path("stk_status").asText()));
    }

    @Test
    void paymentStatusNeedsAKeyAndReportsUnknownReferencesAsNotFound() throws Exception {
        Answer none = call("GET", STATUS, null, bearer);
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().path("error").asText()).startsWith("Provide checkout_request_id");
        JsonNode unknown = call("GET", STATUS + "?account_reference=NOPE", null, bearer).json();
        assertThat(unknown.path("found").asBoolean()).isFalse();
        assertThat(unknown.path("message").asText()).isEqualTo("No matching STK for this merchant yet");
    }

    @Test
    void stkValidationErrors() throws Exception {
        Answer badPhone = stk("12345", 100, "INV-5");
        assertThat(badPhone.status()).isEqualTo(422);
        assertThat(badPhone.json().path("error_code").asText()).isEqualTo("INVALID_PHONE");
        Answer fraction = call("POST", STK, "{\"channel_id\":\"" + settings.channelId()
                + "\",\"phone\":\"0712345678\",\"amount\":10.5}", bearer);
        assertThat(fraction.status()).isEqualTo(422);
        assertThat(fraction.json().path("message").asText()).contains("amount");
        Answer channel = call("POST", STK, "{\"channel_id\":\"" + UUID.randomUUID()
                + "\",\"phone\":\"0712345678\",\"amount\":10}", bearer);
        assertThat(channel.json().path("error_code").asText()).isEqualTo("CHANNEL_NOT_AVAILABLE");
        assertThat(sim.createCount("INV-5")).isZero();
    }

    @Test
    void stkWithoutServiceTokensIs402() throws Exception {
        sim.setServiceTokens(BigDecimal.ZERO);
        Answer answer = stk("0712345678", 100, "INV-6");
        assertThat(answer.status()).isEqualTo(402);
        assertThat(answer.json().path("error_code").asText()).isEqualTo("INSUFFICIENT_PREPAID");
        assertThat(answer.json().path("required_kes").asInt()).isEqualTo(1);
        assertThat(answer.json().path("balance_kes").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void b2cPayoutDebitsWalletsAndSucceeds() throws Exception {
        Answer accepted = payout(5000, "0712345678", "WD-1");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.raw()).contains("\"transaction_fee\":25.00");
        JsonNode payout = accepted.json().path("data").path("payout");
        assertThat(payout.path("status").asText()).isEqualTo("PENDING");
        assertThat(payout.path("phone").asText()).isEqualTo("254712345678");
        String id = payout.path("id").asText();

        JsonNode balance = call("GET", "/api/v1/b2c/wallet/balance", null, bearer).json();
        assertThat(balance.path("b2c_wallet").path("balance_kes").decimalValue()).isEqualByComparingTo("995000");
        assertThat(balance.path("service_wallet").path("balance_kes").decimalValue()).isEqualByComparingTo("99975");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries.size() == 1);
        Delivery delivery = receiver.deliveries.get(0);
        assertThat(delivery.event()).isEqualTo("mpesa.b2c.success");
        assertThat(delivery.signature()).isEqualTo("v1=" + hmacHex(delivery.body(), settings.apiSecret()));
        JsonNode data = JSON.readTree(delivery.body()).path("data");
        assertThat(data.path("id").asText()).isEqualTo(id);
        assertThat(data.path("type").asText()).isEqualTo("B2C");
        assertThat(data.path("external_reference").asText()).isEqualTo("WD-1");
        assertThat(data.path("mpesa_receipt").asText()).startsWith("RKL");

        JsonNode status = call("GET", "/api/v1/b2c/payout_status?payout_id=" + id, null, bearer).json();
        assertThat(status.path("data").path("payout").path("status").asText()).isEqualTo("SUCCESS");
        assertThat(call("GET", "/api/v1/b2c/payout_status?payout_id=nope", null, bearer).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/b2c/payout_status", null, bearer).status()).isEqualTo(422);
    }

    @Test
    void failedPayoutRefundsPrincipalKeepsFeeAndFreesTheReference() throws Exception {
        payout(500, "0712345999", "WD-2");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries.size() == 1);
        assertThat(receiver.deliveries.get(0).event()).isEqualTo("mpesa.b2c.failed");
        assertThat(sim.b2cBalance()).isEqualByComparingTo("1000000");
        assertThat(sim.serviceTokens()).isEqualByComparingTo("99985"); // the 15 KES fee is not refunded
        assertThat(payout(500, "0712345678", "WD-2").status()).isEqualTo(200);
        assertThat(sim.createCount("WD-2")).isEqualTo(2);
    }

    @Test
    void reusedReferenceIs409() throws Exception {
        assertThat(payout(500, "0712345678", "WD-3").status()).isEqualTo(200);
        Answer again = payout(500, "0712345678", "WD-3");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error_code").asText()).isEqualTo("REFERENCE_IN_USE");
        assertThat(sim.createCount("WD-3")).isEqualTo(1);
    }

    @Test
    void b2cBalanceAndPhoneAndPrepaidErrors() throws Exception {
        sim.setB2cBalance(new BigDecimal("120"));
        Answer poor = payout(500, "0712345678", "WD-4");
        assertThat(poor.status()).isEqualTo(409);
        assertThat(poor.json().path("error_code").asText()).isEqualTo("INSUFFICIENT_B2C_BALANCE");
        assertThat(poor.json().path("error").asText()).isEqualTo("409 Insufficient B2C wallet balance");
        assertThat(poor.json().path("required_kes").asInt()).isEqualTo(500);
        assertThat(poor.json().path("balance_kes").decimalValue()).isEqualByComparingTo("120");

        Answer badPhone = payout(50, "+1 555 0100", "WD-5");
        assertThat(badPhone.status()).isEqualTo(422);
        assertThat(badPhone.json().path("error_code").asText()).isEqualTo("INVALID_PHONE");

        sim.setServiceTokens(BigDecimal.ZERO);
        Answer prepaid = payout(50, "0712345678", "WD-6");
        assertThat(prepaid.status()).isEqualTo(402);
        assertThat(prepaid.json().path("error_code").asText()).isEqualTo("INSUFFICIENT_PREPAID");
        assertThat(prepaid.json().path("transaction_fee_kes").decimalValue()).isEqualByComparingTo("15");

        Answer tooSmall = payout(5, "0712345678", "WD-7");
        assertThat(tooSmall.json().path("error_code").asText()).isEqualTo("B2C_VALIDATION_FAILED");
    }

    @Test
    void failNextAnswers503ThenRecovers() throws Exception {
        sim.faults().failNext(1);
        Answer failed = stk("0712345678", 100, "INV-7");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().path("error").asText()).isEqualTo("Service unavailable");
        assertThat(failed.json().has("error_code")).isFalse();
        assertThat(sim.createCount("INV-7")).isZero();
        assertThat(stk("0712345678", 100, "INV-7").status()).isEqualTo(200);
        assertThat(sim.callCount(STK)).isEqualTo(2);

        sim.faults().failNext(1);
        Answer b2c = payout(500, "0712345678", "WD-8");
        assertThat(b2c.status()).isEqualTo(503);
        assertThat(b2c.json().path("error_code").asText()).isEqualTo("B2C_UNAVAILABLE");
    }

    @Test
    void duplicateCallbacksShareBodyAndIdempotencyKey() throws Exception {
        sim.faults().duplicateCallbacks(true);
        stk("0712345678", 100, "INV-8");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries.size() == 2);
        Delivery first = receiver.deliveries.get(0);
        Delivery second = receiver.deliveries.get(1);
        assertThat(second.idempotencyKey()).isEqualTo(first.idempotencyKey());
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void droppedCallbacksStillSettleTheStatus() throws Exception {
        sim.faults().dropCallbacks(true);
        stk("0712345678", 100, "INV-9");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                call("GET", STATUS + "?account_reference=INV-9", null, bearer).json().path("paid").asBoolean());
        assertThat(receiver.deliveries).isEmpty();
        assertThat(sim.callbacksDelivered()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0712345678,254712345678", "0112345678,254112345678", "+254712345678,254712345678",
            "254112345678,254112345678", "712345678,254712345678", "0712 345 678,254712345678"})
    void normalisesKenyanPhones(String raw, String expected) {
        assertThat(BluePayPhone.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "0212345678", "+255712345678", "25471234567", "abc"})
    void refusesOtherPhones(String raw) {
        assertThat(BluePayPhone.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    // The document's examples pair amount 500 with fee 25.00; the fee bands put 500 at 15.00. Bands win.
    @CsvSource({"10,15.00", "500,15.00", "1000,15.00", "1001,25.00", "249999,25.00", "250000,5000.00", "1000000,20000.00"})
    void feeBands(long amount, String fee) {
        assertThat(BluePayB2cEndpoints.fee(amount)).isEqualTo(new BigDecimal(fee));
    }

    // --- helpers -------------------------------------------------------------------------

    private Answer stk(String phone, long amount, String reference) throws Exception {
        return call("POST", STK, "{\"channel_id\":\"" + settings.channelId() + "\",\"phone\":\"" + phone
                + "\",\"amount\":" + amount + ",\"account_reference\":\"" + reference + "\"}", bearer);
    }

    private Answer payout(long amount, String phone, String reference) throws Exception {
        return call("POST", PAYOUTS, "{\"amount\":" + amount + ",\"phone\":\"" + phone + "\",\"reference\":\""
                + reference + "\",\"description\":\"test\"}", bearer);
    }

    private Answer call(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(null));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacHex(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private record Answer(int status, String raw, String contentType) {
        JsonNode json() throws IOException {
            return JSON.readTree(raw);
        }
    }

    private record Delivery(String event, String signature, String idempotencyKey, byte[] body) {
    }

    /** A tiny webhook endpoint standing in for paybridge's callback intake. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            Receiver receiver = new Receiver(server);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                var headers = exchange.getRequestHeaders();
                receiver.deliveries.add(new Delivery(headers.getFirst("X-BluePay-Event"),
                        headers.getFirst("X-BluePay-Signature"), headers.getFirst("Idempotency-Key"), body));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
