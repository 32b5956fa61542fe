package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the ledger: the bundle runs on a ledger behind an H2 TCP server, and when
 * that server goes away the bundle answers "not ready" (503) within the check's timeout, while
 * liveness stays UP (a restart would not bring the database back).
 */
class LedgerDownHealthTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aLedgerThatDoesNotAnswerMakesTheBundleNotReady() throws Exception {
        int dbPort = PaybridgeApp.freePort();
        Server db = Server.createTcpServer("-tcpPort", String.valueOf(dbPort), "-ifNotExists").start();
        try (BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults())) {
            Map<String, String> p = PaybridgeApp.defaults(EmbeddedKafka.shared(), bluePay, PaybridgeApp.freePort());
            p.put("paybridge.ledger.url", "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/mem:down-" + dbPort + ";DB_CLOSE_DELAY=-1");
            p.put("paybridge.health.ledger-timeout-ms", "500");
            try (PaybridgeApp app = PaybridgeApp.start(p)) {
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(get(app, "/observe/health/ready").statusCode()).isEqualTo(200));

                db.stop();

                Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    HttpResponse<String> ready = get(app, "/observe/health/ready");
                    assertThat(ready.statusCode()).isEqualTo(503);
                    assertThat(ready.body()).contains("DOWN");
                });
                assertThat(get(app, "/observe/health/ready?exposureLevel=full").body()).contains("ledger");
                assertThat(get(app, "/observe/health/live").statusCode()).isEqualTo(200);
            }
        } finally {
            db.stop();
        }
    }

    private static HttpResponse<String> get(PaybridgeApp app, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.managementUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
