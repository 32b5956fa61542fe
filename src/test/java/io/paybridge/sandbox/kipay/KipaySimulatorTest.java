package io.paybridge.sandbox.kipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.kipay.KipayConnector;
import io.paybridge.provider.kipay.KipaySettings;
import io.paybridge.testing.Conversation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KipaySimulatorTest {
    final KipaySimulator.Settings defaults = KipaySimulator.Settings.defaults();
    KipaySimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void everyCallNeedsTheApiKey() {
        sim = KipaySimulator.start(defaults);
        assertThat(call("GET", "/api/transactions/list", null, null)).isEqualTo(error(401, "API key is required"));
        assertThat(call("GET", "/api/transactions/list", "nope", null)).isEqualTo(error(401, "Invalid API key"));
        assertThat(call("GET", "/api/transactions/list", defaults.apiKey(), null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/transactions/initialize", defaults.apiKey(), null)).isEqualTo(error(405, "Method Not Allowed"));
    }

    @Test
    void theRateLimitIsEnforcedPerKeyWithA429() {
        sim = KipaySimulator.start(new KipaySimulator.Settings("k", "s", 7, 1, null, 3, Duration.ofMinutes(1), 0));
        for (int i = 0; i < 3; i++) {
            assertThat(call("GET", "/api/payment-channels/list", "k", null).status()).isEqualTo(200);
        }
        assertThat(call("GET", "/api/payment-channels/list", "k", null)).isEqualTo(error(429, "Too Many Requests"));
        assertThat(sim.rateLimited()).isEqualTo(1);
        assertThat(sim.maxCallsInAnyWindow()).isEqualTo(4);
    }

    @Test
    void validationErrorsAndTheTwoStatusEndpoints() {
        sim = KipaySimulator.start(defaults);
        String key = defaults.apiKey();
        assertThat(call("POST", "/api/transactions/initialize", key, "{\"payment_channel_id\":1}"))
                .isEqualTo(error(400, "Missing required fields: amount, email"));
        assertThat(call("POST", "/api/mpesa/stk-push", key, "{\"amount\":10,\"phone_number\":\"0712345678\",\"payment_channel_id\":7}"))
                .isEqualTo(error(400, "Invalid phone number. Use the format 254XXXXXXXXX"));
        JsonNode stk = call("POST", "/api/mpesa/stk-push", key,
                "{\"amount\":10,\"phone_number\":\"254712345678\",\"payment_channel_id\":7,\"reference\":\"ORDER123\"}").json();
        String reference = stk.path("transaction").path("reference").asText();
        assertThat(reference).startsWith("MPESA");
        assertThat(call("GET", "/api/transactions/verify/" + reference, key, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/mpesa/stk-status/" + reference, key, null).json().path("transaction").path("status").asText())
                .isIn("pending", "completed");
        assertThat(sim.createCount("ORDER123")).isEqualTo(1);
        assertThat(call("POST", "/api/mpesa/simulate-c2b", key,
                "{\"payment_channel_id\":7,\"amount\":1,\"phone_number\":\"254712345678\",\"reference\":\"T\"}"))
                .isEqualTo(error(400, "Register C2B URLs before simulating C2B transactions"));
    }

    @Test
    void theConnectorCreatesACustomerOnceEvenAcrossARestart() {
        sim = KipaySimulator.start(defaults);
        var settings = new KipaySettings(sim.baseUrl(), defaults.apiKey(), defaults.apiSecret(), defaults.mpesaChannelId(),
                defaults.checkoutChannelId(), null, null, null);
        KipayConnector first = new KipayConnector(settings, Json.newMapper());
        Conversation.Result created = Conversation.run(first, checkout("co-1"));
        assertThat(created.operations()).containsExactly("customer-lookup", "customer-create", "initialize");
        assertThat(created.outcome().customerAction().redirectUrl()).startsWith(sim.baseUrl() + "/payment/checkout/KIPAY");
        assertThat(Conversation.run(first, checkout("co-2")).operations()).containsExactly("initialize");

        KipayConnector restarted = new KipayConnector(settings, Json.newMapper());
        assertThat(Conversation.run(restarted, checkout("co-3")).operations()).containsExactly("customer-lookup", "initialize");
        assertThat(sim.customerCreates("amina@example.com")).isEqualTo(1);

        ProviderRequest verify = restarted.statusQuery(new PaymentSnapshot("co-1", PaymentType.COLLECTION, PaymentStatus.PENDING,
                created.outcome().providerReference())).orElseThrow();
        assertThat(verify.url()).contains("/api/transactions/verify/KIPAY");
        await().atMost(Duration.ofSeconds(5)).until(() -> restarted.interpretStatus(null, Conversation.send(verify)).status()
                == PaymentStatus.SUCCEEDED);
    }

    private static PaymentCommand checkout(String id) {
        return new PaymentCommand(id, PaymentType.COLLECTION, "kipay", new BigDecimal("250"), "KES", "KE",
                new Customer(null, "amina@example.com", "Amina Odhiambo", null, null, null, null), null, null, null);
    }

    record Answer(int status, JsonNode json) {
    }

    private static Answer error(int status, String message) {
        return new Answer(status, Json.newMapper().createObjectNode().put("status", "error").put("message", message));
    }

    private Answer call(String method, String path, String key, String body) {
        Map<String, String> headers = key == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-API-Key", key);
        ProviderResponse response = Conversation.send(new ProviderRequest("test", method, sim.baseUrl() + path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
        try {
            return new Answer(response.statusCode(), Json.newMapper().readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
