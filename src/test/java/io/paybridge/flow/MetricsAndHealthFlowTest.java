package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint and the health probes over real HTTP, after real payments flowed. */
class MetricsAndHealthFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of());
    }

    @Test
    void prometheusShowsPaymentsProviderCallsCallbacksAndTheOutbox() throws Exception {
        produce("m-1", command("m-1", "PAYOUT", "1500", "0712345678"));
        awaitStatus("m-1", "SUCCEEDED");
        HttpResponse<String> forged = post("/callbacks/bluepay", "{\"forged\":true}", Map.of("X-BluePay-Signature", "00"));
        assertThat(forged.statusCode()).isEqualTo(401);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(metrics)
                    .contains("paybridge_payments_total{provider=\"bluepay\",status=\"received\",type=\"payout\"}")
                    .contains("paybridge_payments_total{provider=\"bluepay\",status=\"submitted\",type=\"payout\"}")
                    .contains("paybridge_payments_total{provider=\"bluepay\",status=\"succeeded\",type=\"payout\"}")
                    .containsPattern("paybridge_provider_call_seconds_count\\{operation=\"[a-z0-9_.-]+\",outcome=\"answered\",provider=\"bluepay\"}")
                    .contains("paybridge_callbacks_total{provider=\"bluepay\",reason=\"applied\",result=\"accepted\"}")
                    .contains("paybridge_callbacks_total{provider=\"bluepay\",reason=\"malformed_signature\",result=\"rejected\"}")
                    .contains("paybridge_outbox_backlog")
                    .contains("paybridge_outbox_oldest_age_seconds")
                    .contains("jvm_memory_used_bytes");
        });
    }

    @Test
    void theBundleIsLiveAndReadyWithEveryCheckListed() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> ready = management("/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"UP\"");
        });
        assertThat(management("/observe/health/live").statusCode()).isEqualTo(200);
        String all = management("/observe/health?exposureLevel=full").body();
        assertThat(all).contains("ledger").contains("provider-bluepay").contains("consumer:intake-kafka");
    }

    @Test
    void theManagementPortIsNotThePublicOne() throws Exception {
        assertThat(get("/observe/metrics").statusCode()).isEqualTo(404);
    }

    static String scrape() throws Exception {
        HttpResponse<String> answer = management("/observe/metrics");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    static HttpResponse<String> management(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.managementUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
