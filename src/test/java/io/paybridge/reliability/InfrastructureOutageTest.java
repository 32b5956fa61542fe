package io.paybridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.reliability.FaultPayments.Planned;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test 4: the Kafka broker is stopped and started again mid-stream, then PostgreSQL is. Both
 * come back on the same port with the same data, and the bundle, never restarted, recovers by
 * itself: readiness goes DOWN during each outage and UP after it, and every command sent before,
 * during and after the outages is paid once and has its final word in the ledger and on the topic.
 */
class InfrastructureOutageTest {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RestartableKafka broker;
    private EmbeddedPostgres postgres;
    private FaultRun run;

    @AfterEach
    void stop() throws Exception {
        if (run != null) {
            run.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a broker and a database started twice each; about 90 s on an idle 2-core machine
    void brokerAndDatabaseOutagesMidStreamLoseNothingAndTheBundleRecoversByItself(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("paybridge.faults.seed", System.nanoTime());
        broker = new RestartableKafka(dir);
        broker.start();
        int pgPort = PaybridgeApp.freePort();
        Path pgData = dir.resolve("pgdata");
        postgres = startPostgres(pgPort, pgData);
        run = new FaultRun(EmbeddedKafka.shared(), new FaultSimulators(), postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        run.useBroker(broker.bootstrapServers());
        run.startApp();
        awaitReady(200);

        List<Planned> plan = FaultPayments.plan("f4-" + Long.toHexString(seed), 6, seed);
        int third = plan.size() / 3;
        List<Planned> before = plan.subList(0, third);
        List<Planned> betweenOutages = plan.subList(third, 2 * third);
        List<Planned> duringDbOutage = plan.subList(2 * third, plan.size());
        Map<String, Object> extra = new LinkedHashMap<>();
        List<String> health = new ArrayList<>();
        long started = System.nanoTime();

        run.send(before);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> run.unsettled(before, true).size() < before.size() / 2);
        long brokerDown = System.nanoTime();
        broker.stop();
        health.add("broker stopped: ready " + awaitReady(503));
        broker.start();
        health.add("broker back after " + (System.nanoTime() - brokerDown) / 1_000_000 + " ms: ready " + awaitReady(200));
        run.send(betweenOutages);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> run.unsettled(betweenOutages, true).size() < betweenOutages.size());

        long dbDown = System.nanoTime();
        postgres.close();
        health.add("database stopped: ready " + awaitReady(503));
        run.send(duringDbOutage); // the broker is up: the commands wait on the topic for the ledger
        postgres = startPostgres(pgPort, pgData);
        health.add("database back after " + (System.nanoTime() - dbDown) / 1_000_000 + " ms: ready " + awaitReady(200));

        run.awaitFinalWords(plan, Duration.ofSeconds(75), Duration.ofSeconds(6));
        long settled = System.nanoTime();
        FaultVerdict verdict = run.verdict(plan);
        extra.put("health", health);
        extra.put("not as expected", verdict.notAsExpected(plan));
        extra.put("start→settled", (settled - started) / 1_000_000 + " ms");
        verdict.print("4 broker and database outages", seed, plan, run.sims.totalCalls(), extra);
        verdict.assertInvariants();
    }

    /** PostgreSQL on a fixed port and data directory kept between starts, so a restart finds the ledger it left. */
    private static EmbeddedPostgres startPostgres(int port, Path data) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
    }

    /** Waits until readiness answers {@code status}; returns what it said. */
    private String awaitReady(int status) {
        String[] seen = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(run.app.managementUrl() + "/observe/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            seen[0] = r.statusCode() + " " + r.body().replaceAll("\\s+", " ");
            return r.statusCode() == status;
        });
        return seen[0];
    }
}
