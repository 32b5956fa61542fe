package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.ledger.Payment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BluePay answers 503 to everything until the breaker opens; it then recovers, but new payments are
 * held RECEIVED (not one call reaches the simulator) until the breaker lets a trial call through,
 * after which each is sent exactly once and succeeds. Metrics and health show the state throughout,
 * and readiness stays UP for the other providers' sake.
 */
class CircuitBreakerFlowTest extends FlowTestSupport {
    static final String PAYOUTS = "/api/v1/b2c/payouts";

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of(
                "paybridge.reconcile.interval-ms", "300",
                "paybridge.reconcile.unsent-after", "PT1S",
                "paybridge.dispatch.max-retries", "1",
                "paybridge.breaker.window-calls", "3",
                "paybridge.breaker.minimum-calls", "3",
                "paybridge.bluepay.breaker.open-for", "PT40S",
                "paybridge.breaker.half-open-calls", "1"));
    }

    @Test
    void anOpenBreakerHoldsNewPaymentsAndSendsEachOnceAfterItHalfOpens() throws Exception {
        bluePay.faults().serverErrorRate(1.0);
        for (int i = 1; i <= 3; i++) {
            produce("cb-down-" + i, command("cb-down-" + i, "PAYOUT", "300", "0712345678"));
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(awaitStatus("cb-down-" + i, "FAILED").reason().code()).isEqualTo("PROVIDER_UNAVAILABLE");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> circuitState() == 2.0);
        bluePay.faults().reset();
        int callsWhileOpen = bluePay.callCount(PAYOUTS);
        produce("cb-held-1", command("cb-held-1", "PAYOUT", "310", "0712345678"));
        produce("cb-held-2", command("cb-held-2", "PAYOUT", "320", "0712345678"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rejectedPayments() >= 2);
        assertThat(circuitState()).as("still open when both were turned away").isEqualTo(2.0);
        assertThat(app.ledger().find("cb-held-1").map(Payment::status).orElseThrow().name()).isEqualTo("RECEIVED");
        assertThat(app.ledger().find("cb-held-2").map(Payment::status).orElseThrow().name()).isEqualTo("RECEIVED");
        assertThat(bluePay.callCount(PAYOUTS)).as("nothing sent while open").isEqualTo(callsWhileOpen);
        JsonNode check = providerCheck();
        assertThat(check.path("status").asText()).isEqualTo("DOWN");
        assertThat(check.path("message").asText()).contains("circuit breaker is open");
        assertThat(MetricsAndHealthFlowTest.management("/observe/health/ready").statusCode())
                .as("an open provider breaker keeps the replica ready").isEqualTo(200);

        // The breaker half-opens 40 s (long enough for a loaded CI machine to produce both) after it opened; the unsent sweep then sends them one by one.
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> app.ledger().find("cb-held-1").orElseThrow().status().isTerminal());
        awaitStatus("cb-held-1", "SUCCEEDED");
        awaitStatus("cb-held-2", "SUCCEEDED");
        assertThat(bluePay.createCount("cb-held-1")).isEqualTo(1);
        assertThat(bluePay.createCount("cb-held-2")).isEqualTo(1);
        assertThat(bluePay.callCount(PAYOUTS)).as("one call each, no resend").isEqualTo(callsWhileOpen + 2);
        assertThat(statuses(eventsUntil("cb-held-1", "SUCCEEDED"))).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(statuses(eventsUntil("cb-held-2", "SUCCEEDED"))).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> circuitState() == 0.0);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> providerCheck().path("status").asText().equals("UP"));
        assertThat(MetricsAndHealthFlowTest.scrape()).contains("paybridge_provider_calls_in_flight{provider=\"bluepay\"}");
    }

    static double circuitState() throws Exception {
        return metric("paybridge_provider_circuit_state\\{provider=\"bluepay\"}");
    }

    static double rejectedPayments() throws Exception {
        return metric("paybridge_provider_circuit_rejected_total\\{provider=\"bluepay\",work=\"payment\"}");
    }

    static double metric(String series) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(MetricsAndHealthFlowTest.scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The provider-bluepay entry of the full health answer. */
    static JsonNode providerCheck() throws Exception {
        JsonNode all = JSON.readTree(MetricsAndHealthFlowTest.management("/observe/health?exposureLevel=full").body());
        List<JsonNode> checks = all.path("checks").findParents("name").stream()
                .filter(c -> c.path("name").asText().equals("provider-bluepay")).toList();
        assertThat(checks).as("provider-bluepay in " + all).hasSize(1);
        return checks.get(0);
    }
}
