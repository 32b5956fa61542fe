package io.paybridge.sandbox.bitnovapay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.bitnovapay.BitnovaPayConnector;
import io.paybridge.provider.bitnovapay.BitnovaPaySettings;
import io.paybridge.testing.Conversation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitnovaPaySimulatorTest {
    final BitnovaPaySimulator.Settings keys = BitnovaPaySimulator.Settings.defaults();
    BitnovaPaySimulator sim;

    @BeforeEach
    void start() {
        sim = BitnovaPaySimulator.start(keys);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void eachNamespaceTakesOnlyItsOwnKey() {
        assertThat(call("GET", "/api/v1/balance", null, null)).isEqualTo(error(401, "Unauthorized - invalid or missing API key."));
        assertThat(call("GET", "/api/v1/balance", "Bearer pk_wrong", null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/balance", "Bearer " + keys.businessKey(), null).status()).isEqualTo(403);
        assertThat(call("POST", "/api/v2/payment", "Bearer " + keys.personalKey(), "{}").status()).isEqualTo(403);
        Answer balance = call("GET", "/api/v1/balance", "Bearer " + keys.personalKey(), null);
        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().path("currency").asText()).isEqualTo("KES");
    }

    @Test
    void errorsUseTheDocumentsEnvelope() {
        assertThat(business("POST", "/api/v2/payment", "{\"method\":\"mpesa\",\"amount\":1000}"))
                .isEqualTo(error(400, "Phone number required for M-Pesa."));
        assertThat(personal("GET", "/api/v1/refunds", null)).isEqualTo(error(404, "Resource not found."));
        sim.faults().rateLimitNext(1);
        assertThat(personal("GET", "/api/v1/balance", null)).isEqualTo(error(429, "Rate limit exceeded."));
        sim.faults().failNext(1);
        assertThat(personal("GET", "/api/v1/balance", null)).isEqualTo(error(500, "Server error - try again."));
        assertThat(personal("GET", "/api/v1/payment/BNP-NOPE", null)).isEqualTo(error(404, "Payment not found."));
    }

    @Test
    void webhookRegistrationIsIdempotentByUrl() {
        String body = "{\"url\":\"https://erp.example/hook\",\"events\":[\"payment.success\"]}";
        Answer first = personal("POST", "/api/v1/webhooks", body);
        Answer again = personal("POST", "/api/v1/webhooks", body);
        assertThat(first.json().path("secret").asText()).startsWith("whsec_");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(personal("GET", "/api/v1/webhooks", null).json().path("count").asInt()).isEqualTo(1);
        assertThat(personal("POST", "/api/v1/webhooks", "{\"url\":\"https://erp.example/h2\",\"events\":[\"refund.done\"]}").status()).isEqualTo(400);
        long id = first.json().path("id").asLong();
        assertThat(personal("DELETE", "/api/v1/webhooks/" + id, null).json().path("deleted").asBoolean()).isTrue();
        assertThat(sim.webhookCount()).isZero();
    }

    @Test
    void transactionsAreFilteredAndPaged() {
        for (String phone : new String[] {"0712000001", "0712000002", "0712000003"}) {
            assertThat(business("POST", "/api/v2/payment", "{\"method\":\"mpesa\",\"amount\":100,\"phone\":\"" + phone + "\"}").status())
                    .isEqualTo(200);
        }
        business("POST", "/api/v2/payment", "{\"method\":\"card\",\"amount\":100.5,\"payer_email\":\"never@example.com\"}");
        JsonNode page = personal("GET", "/api/v1/transactions?method=mpesa&per_page=2&page=2", null).json();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("count").asInt()).isEqualTo(1);
        assertThat(page.path("data").get(0).path("module").asText()).isEqualTo("B");
        assertThat(personal("GET", "/api/v1/transactions?per_page=101", null).status()).isEqualTo(400);
    }

    @Test
    void withdrawalsKeepTheMinimumAndTheWallet() {
        assertThat(personal("POST", "/api/v1/withdraw", "{\"amount\":99,\"method\":\"mpesa\",\"account\":\"0712345678\"}"))
                .isEqualTo(error(400, "Minimum withdrawal is KES 100."));
        sim.setWalletBalance(new BigDecimal("150"));
        assertThat(personal("POST", "/api/v1/withdraw", "{\"amount\":200,\"method\":\"mpesa\",\"account\":\"0712345678\"}"))
                .isEqualTo(error(400, "Insufficient wallet balance."));
        Answer failing = personal("POST", "/api/v1/withdraw", "{\"amount\":100,\"method\":\"mpesa\",\"account\":\"0712345999\"}");
        assertThat(failing.json().path("status").asText()).isEqualTo("pending");
        assertThat(sim.walletBalance()).isEqualByComparingTo("50");
        String reference = failing.json().path("reference").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> personal("GET", "/api/v1/withdrawals/" + reference, null)
                .json().path("status").asText().equals("failed"));
        assertThat(sim.walletBalance()).isEqualByComparingTo("150"); // the principal came back
    }

    @Test
    void theConnectorResolvesADirectPayLabelOnceAgainstTheSimulator() {
        var settings = new BitnovaPaySettings(sim.baseUrl(), keys.personalKey(), keys.businessKey(), "direct", "Paybridge Till",
                "till", "555000", null, null, null);
        BitnovaPayConnector connector = new BitnovaPayConnector(settings, Json.newMapper());
        PaymentCommand first = collection("dp-1");
        Conversation.Result created = Conversation.run(connector, first);
        assertThat(created.operations()).containsExactly("channels", "create-channel", "stk-push");
        assertThat(created.outcome().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(created.outcome().providerReference()).startsWith("MDA-");
        assertThat(Conversation.run(connector, collection("dp-2")).operations()).containsExactly("stk-push");

        // A restarted bundle finds the channel it created by its label instead of creating another.
        BitnovaPayConnector restarted = new BitnovaPayConnector(settings, Json.newMapper());
        assertThat(Conversation.run(restarted, collection("dp-3")).operations()).containsExactly("channels", "stk-push");
        assertThat(sim.channelLabels()).containsExactly("Equity Bank", "Paybridge Till");
        assertThat(sim.createCount("dp-1")).isEqualTo(1);

        var sent = new io.paybridge.provider.PaymentSnapshot("dp-1", PaymentType.COLLECTION, PaymentStatus.PENDING,
                created.outcome().providerReference());
        ProviderRequest status = connector.statusQuery(sent).orElseThrow();
        assertThat(status.url()).isEqualTo(sim.baseUrl() + "/api/v1/payment/" + sent.providerReference());
        await().atMost(Duration.ofSeconds(5)).until(() -> connector.interpretStatus(sent, Conversation.send(status)).status()
                == PaymentStatus.SUCCEEDED);
    }

    private static PaymentCommand collection(String id) {
        return new PaymentCommand(id, PaymentType.COLLECTION, "bitnovapay", new BigDecimal("500"), "KES", "KE",
                new Customer("+254712345678", null, null, null, null, null, null), null, null, null);
    }

    record Answer(int status, JsonNode json) {
    }

    private static Answer error(int status, String text) {
        return new Answer(status, Json.newMapper().createObjectNode().put("error", text).put("code", status));
    }

    private Answer personal(String method, String path, String body) {
        return call(method, path, "Bearer " + keys.personalKey(), body);
    }

    private Answer business(String method, String path, String body) {
        return call(method, path, "Bearer " + keys.businessKey(), body);
    }

    private Answer call(String method, String path, String authorization, String body) {
        Map<String, String> headers = authorization == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", authorization);
        ProviderResponse response = Conversation.send(new ProviderRequest("test", method, sim.baseUrl() + path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
        try {
            return new Answer(response.statusCode(), Json.newMapper().readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
