package io.paybridge.bench;

import io.paybridge.batch.BatchAppMain;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import io.paybridge.testing.PaybridgeApp;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * bench/backlog (see its README; not part of the test suite): an ERP topic already holding N
 * canonical payout commands → BluePay simulator over HTTP → events topic, the bundle against
 * {@link PlainTwin}, alternating A B A B, each round a fresh child JVM (same flags), a fresh
 * PostgreSQL database and fresh topics on the same broker. A payment is done when the event of
 * the provider's answer (neither RECEIVED nor SUBMITTED) is visible on the events topic;
 * messages per second = N over the time from the first such event to the last.
 *
 * <p>Arguments: commands per round (default 20000), rounds each (default 3).
 */
public final class BacklogBench {
    private BacklogBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("paybridge-backlog-");
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        bluePay.setB2cBalance(new BigDecimal("100000000000"));
        bluePay.setServiceTokens(new BigDecimal("100000000000"));
        System.out.printf("bench: backlog, %,d commands per round, %d rounds each; work dir %s; load %s%n",
                count, rounds, work, BenchSupport.load());
        Map<String, List<Double>> rates = Map.of("paybridge", new ArrayList<>(), "plain", new ArrayList<>());
        try {
            for (int round = 0; round <= rounds; round++) { // round 0 warms the broker, database and simulator
                for (String name : List.of("paybridge", "plain")) {
                    double rate = round(name, round, round == 0 ? Math.min(count, 2000) : count, work, kafka, db, bluePay);
                    if (round > 0) {
                        rates.get(name).add(rate);
                    }
                }
            }
        } finally {
            bluePay.close();
        }
        System.out.println("bench: ---- summary (messages/s) ----");
        for (String name : List.of("paybridge", "plain")) {
            System.out.printf("bench: %-9s %s%n", name, BenchSupport.summary(rates.get(name), "%,.0f"));
        }
        System.out.printf("bench: ratio paybridge / plain = %.2f (target >= 0.8); load %s%n",
                BenchSupport.median(rates.get("paybridge")) / BenchSupport.median(rates.get("plain")), BenchSupport.load());
        System.exit(0);
    }

    private static double round(String name, int round, int count, Path work, EmbeddedKafka kafka, EmbeddedPostgresDb db,
            BluePaySimulator bluePay) throws Exception {
        Map<String, String> p = PaybridgeApp.defaults(kafka, bluePay, PaybridgeApp.freePort());
        p.put("paybridge.ledger.url", db.freshDatabase());
        p.put("paybridge.ledger.username", db.user());
        p.put("paybridge.ledger.password", db.password());
        p.remove("paybridge.outbox.interval-ms"); // the tests' 50 ms; the bench keeps the production default
        p.remove("paybridge.dispatch.retry-delay-ms");
        p.put("paybridge.bluepay.callback-url", ""); // no webhooks: the twin has no door for them in this flow
        p.put("paybridge.reconcile.interval-ms", "3600000");
        List<String> ids = produce(kafka, p.get("paybridge.topics.requests"), name + round, count);
        String tag = name + "-" + round;
        try (EventClock events = new EventClock(kafka.bootstrapServers(), p.get("paybridge.topics.events"),
                type -> !type.endsWith(".received") && !type.endsWith(".submitted"))) {
            Path props = BenchSupport.writeProperties(work.resolve(tag + ".properties"), p);
            Process child = name.equals("plain")
                    ? BenchSupport.start(PlainTwin.class, tag, work, props, "PLAIN READY", "backlog")
                    : BenchSupport.start(BatchAppMain.class, tag, work, props, "PAYBRIDGE READY");
            long cpuAtReady = StartupBench.cpuMillis(child.pid());
            Map<String, Double> threadsAtReady = BenchSupport.threadCpuMillis(child);
            try {
                long deadline = System.nanoTime() + 1_800_000_000_000L;
                while (events.count() < count) {
                    if (System.nanoTime() > deadline || !child.isAlive()) {
                        throw new IllegalStateException(tag + ": " + events.count() + " of " + count + " done, see " + work);
                    }
                    Thread.sleep(20); // a harness polling its own watcher
                }
                double seconds = (events.lastOf(ids) - events.firstOf(ids)) / 1e9;
                double rate = (count - 1) / seconds;
                double cpuPerMessage = (double) (StartupBench.cpuMillis(child.pid()) - cpuAtReady) / count;
                Map<String, Double> threadsAtEnd = BenchSupport.threadCpuMillis(child);
                System.out.printf("bench: %-9s %s %,8.0f messages/s (%,d in %.1f s); CPU %.2f ms/message; peak RSS %,d MiB, "
                                + "heap after a full GC at the end %,d MiB; load %s%n",
                        name, round == 0 ? "warm-up" : "round " + round, rate, count, seconds, cpuPerMessage, BenchSupport.peakRssMiB(child),
                        BenchSupport.heapAfterFullGcMiB(child), BenchSupport.load());
                System.out.printf("bench: %-9s %s CPU ms/message by thread: %s%n", name, round == 0 ? "warm-up" : "round " + round,
                        BenchSupport.threadCpuPerMessage(threadsAtReady, threadsAtEnd, count, 10));
                return rate;
            } finally {
                BenchSupport.stop(child);
            }
        }
    }

    /** The backlog: {@code count} valid BluePay payout commands, keyed by id, on the requests topic before anyone reads it. */
    private static List<String> produce(EmbeddedKafka kafka, String topic, String prefix, int count) throws Exception {
        List<String> ids = new ArrayList<>(count);
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            for (int i = 0; i < count; i++) {
                String id = "bl-" + prefix + "-" + i;
                ids.add(id);
                String command = "{\"id\":\"" + id + "\",\"type\":\"PAYOUT\",\"amount\":\"" + (100 + i % 900) + "\","
                        + "\"currency\":\"KES\",\"country\":\"KE\",\"customer\":{\"phone\":\"0712345678\"},"
                        + "\"metadata\":{\"erpRef\":\"" + id + "\"}}";
                producer.send(new ProducerRecord<>(topic, id, command.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        return ids;
    }
}
