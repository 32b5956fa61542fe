package io.paybridge.sandbox.bitlipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.config.Json;
import io.paybridge.provider.bitlipa.BitlipaSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway simulator behaves as bitlipa.txt says: signed requests, HTTP 200 refusals, limits, idempotency, flows. */
class BitlipaSimulatorTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BitlipaSimulator.Settings settings = BitlipaSimulator.Settings.defaults();
    private final BitlipaSigner signer = new BitlipaSigner(settings.secretKey());
    private BitlipaSimulator sim;

    @BeforeEach
    void start() {
        sim = BitlipaSimulator.start(settings);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ObjectNode payment(String orderId, String customer, String amount, String currency, int provider) {
        ObjectNode body = JSON.createObjectNode().put("merchant_id", settings.merchantId()).put("customer_id", customer)
                .put("order_id", orderId).put("amount", amount).put("currency", currency).put("provider_id", provider);
        return body;
    }

    private JsonNode post(String operation, ObjectNode body, boolean sign) throws Exception {
        if (sign) {
            signer.signed(body);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + settings.publicId() + "/"
                + operation)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void refusalsAreHttp200WithAResultCode() throws Exception {
        JsonNode unsigned = post("payment_b2c", payment("o-1", "260971234567", "10.00", "ZMW", 2159), false);
        assertThat(unsigned.path("result").path("code").asInt()).isEqualTo(1);
        assertThat(unsigned.path("status").asInt()).isEqualTo(-1);
        JsonNode tooMuch = post("payment_b2c", payment("o-2", "260971234567", "5000.01", "ZMW", 2159), true);
        assertThat(tooMuch.path("result").path("code").asInt()).isEqualTo(4);
        JsonNode noName = post("payment_b2c", payment("o-3", "254712345678", "600.00", "KES", 347), true);
        assertThat(noName.path("result").path("code").asInt()).isEqualTo(6);
        JsonNode wholeAmount = post("payment_b2c", payment("o-4", "260971234567", "10", "ZMW", 2159), true);
        assertThat(wholeAmount.path("result").path("code").asInt()).isEqualTo(3);
        assertThat(sim.createCount("o-2")).isZero();
    }

    @Test
    void sameOrderIdReplaysTheFirstAnswer() throws Exception {
        JsonNode first = post("payment_b2c", payment("o-5", "260971234567", "10.00", "ZMW", 2159), true);
        JsonNode second = post("payment_b2c", payment("o-5", "260971234567", "10.00", "ZMW", 2159), true);
        assertThat(second).isEqualTo(first);
        assertThat(first.path("status").asInt()).isEqualTo(1);
        assertThat(sim.createCount("o-5")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.status("o-5") == 2);
        JsonNode status = post("status", JSON.createObjectNode().put("merchant_id", settings.merchantId()).put("order_id", "o-5"), true);
        assertThat(status.path("status").asInt()).isEqualTo(2);
        assertThat(status.path("transaction_id").asText()).isEqualTo(first.path("transaction_id").asText());
    }

    @Test
    void testProviderFourteenStaysInProgress() throws Exception {
        JsonNode answer = post("payment_c2b", payment("o-6", "254712345678", "100.00", "KES", 14), true);
        assertThat(answer.path("status").asInt()).isEqualTo(1);
        JsonNode missing = post("status", JSON.createObjectNode().put("merchant_id", settings.merchantId()).put("order_id", "nope"), true);
        assertThat(missing.path("status").asInt()).isEqualTo(-1);
        assertThat(missing.path("result").path("code").asInt()).isNotZero();
        assertThat(sim.status("o-6")).isEqualTo(1);
    }

    @Test
    void bankTransferCollectionAnswersBankDetailsWithoutATransactionId() throws Exception {
        ObjectNode body = payment("o-7", "ada@example.com", "1000.00", "NGN", 5008);
        body.putObject("extra").put("customer_email", "ada@example.com");
        JsonNode answer = post("payment_c2b", body, true);
        assertThat(answer.path("transaction_id").asText()).isEmpty();
        assertThat(answer.path("extra").path("account_number").asText()).hasSize(10);
        assertThat(answer.path("extra").path("bank_name").asText()).isEqualTo("Premium Trust Bank");
    }

    @Test
    void banksListForBankProviders() throws Exception {
        JsonNode banks = post("banks", JSON.createObjectNode().put("merchant_id", settings.merchantId()).put("provider_id", 5008), true);
        assertThat(banks.path("banks")).isNotEmpty();
        assertThat(banks.path("result").path("code").asInt()).isZero();
    }
}
