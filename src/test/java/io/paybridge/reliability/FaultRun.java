package io.paybridge.reliability;

import io.paybridge.model.PaymentStatus;
import io.paybridge.reliability.FaultPayments.Planned;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;

/**
 * One fault run's world: the five simulators, a ledger database on a real PostgreSQL, a broker,
 * and the bundle's settings wired to them. The bundle itself runs in-process ({@link #startApp})
 * or in a child JVM started by the test from {@link #properties}.
 */
final class FaultRun implements AutoCloseable {
    final EmbeddedKafka kafka;
    final FaultSimulators sims;
    final Map<String, String> properties;
    final String ledgerUrl;
    final String user;
    final String password;
    PaybridgeApp app;

    FaultRun(EmbeddedKafka kafka, FaultSimulators sims, String ledgerUrl, String user, String password) {
        this.kafka = kafka;
        this.sims = sims;
        this.ledgerUrl = ledgerUrl;
        this.user = user;
        this.password = password;
        int port = PaybridgeApp.freePort();
        properties = FaultSimulators.fastReconcile(sims.wire(PaybridgeApp.defaults(kafka, sims.bluePay, port), port));
        properties.put("paybridge.ledger.url", ledgerUrl);
        properties.put("paybridge.ledger.username", user);
        properties.put("paybridge.ledger.password", password);
        // Short enough that a slow answer is a timeout within a bounded test.
        properties.put("paybridge.providers.response-timeout-ms", "1500");
        properties.put("paybridge.providers.connect-timeout-ms", "1000");
        // A killed consumer keeps its partitions until the broker gives up on it (45 s by default); the
        // broker's minimum makes a restarted bundle consume again within seconds.
        properties.put("camel.component.kafka.session-timeout-ms", "6000");
        properties.put("camel.component.kafka.heartbeat-interval-ms", "2000");
    }

    /** Writes the bundle's settings where a child JVM ({@code BatchAppMain}) reads them. */
    java.nio.file.Path writeProperties(java.nio.file.Path dir) throws java.io.IOException {
        java.util.Properties file = new java.util.Properties();
        file.putAll(properties);
        java.nio.file.Path path = dir.resolve("paybridge.properties");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(path)) {
            file.store(out, "fault test child");
        }
        return path;
    }

    /** Moves the run onto another broker (one a test stops and starts), with the run's topics created there. */
    void useBroker(String bootstrap) throws InterruptedException {
        properties.put("paybridge.kafka.brokers", bootstrap);
        FaultKafka.createTopics(bootstrap, properties.get("paybridge.topics.requests"), properties.get("paybridge.topics.events"),
                properties.get("paybridge.topics.dlq"));
    }

    void startApp() throws Exception {
        app = PaybridgeApp.start(properties);
        awaitWebhookRegistered();
    }

    /** BitnovaPay learns its webhook secret from the start-up registration; faults go on only after it. */
    void awaitWebhookRegistered() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sims.bitnova.webhookCount() >= 1);
    }

    void send(List<Planned> plan) throws Exception {
        try (KafkaProducer<String, byte[]> producer = FaultKafka.producer(properties.get("paybridge.kafka.brokers"))) {
            FaultPayments.produce(producer, properties.get("paybridge.topics.requests"), plan);
        }
    }

    /**
     * Waits until every planned payment has a final word (terminal or NEEDS_REVIEW), then up to
     * {@code reviewGrace} more for NEEDS_REVIEW ones to be settled by a late callback or a poll.
     */
    void awaitFinalWords(List<Planned> plan, Duration max, Duration reviewGrace) {
        try {
            Awaitility.await().atMost(max).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> unsettled(plan, true).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return; // the verdict names every payment left without a final word, which says more than a timeout
        }
        Instant end = Instant.now().plus(reviewGrace);
        Awaitility.await().atMost(reviewGrace.plusSeconds(5)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> Instant.now().isAfter(end) || unsettled(plan, false).isEmpty());
    }

    /** Payments without a final word; with {@code reviewIsFinal} false, NEEDS_REVIEW ones count as unsettled too. */
    Set<String> unsettled(List<Planned> plan, boolean reviewIsFinal) throws Exception {
        Map<String, String> statuses = FaultVerdict.statuses(ledgerUrl, user, password);
        return plan.stream().map(Planned::id).filter(id -> {
            String s = statuses.get(id);
            return s == null || !(PaymentStatus.valueOf(s).isTerminal() || reviewIsFinal && "NEEDS_REVIEW".equals(s));
        }).collect(Collectors.toSet());
    }

    /** The events topic, read until every planned payment's ledger status is its last published one (at most 30 s). */
    List<ConsumerRecord<String, byte[]>> published(List<Planned> plan) throws Exception {
        Map<String, String> statuses = FaultVerdict.statuses(ledgerUrl, user, password);
        Set<String> ids = plan.stream().map(Planned::id).collect(Collectors.toSet());
        return FaultKafka.readAll(properties.get("paybridge.kafka.brokers"), properties.get("paybridge.topics.events"),
                Duration.ofSeconds(30), recs -> {
            Map<String, String> last = new java.util.HashMap<>();
            recs.forEach(r -> last.put(r.key(), FaultVerdict.status(r)));
            return ids.stream().allMatch(id -> statuses.get(id) != null && statuses.get(id).equals(last.get(id)));
        });
    }

    FaultVerdict verdict(List<Planned> plan) throws Exception {
        return FaultVerdict.judge(plan, ledgerUrl, user, password, published(plan), sims);
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        sims.close();
    }
}
