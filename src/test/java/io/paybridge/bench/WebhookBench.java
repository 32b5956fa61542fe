package io.paybridge.bench;

import io.paybridge.batch.BatchAppMain;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import io.paybridge.testing.PaybridgeApp;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/webhooks (see its README; not part of the test suite): signed BluePay webhooks → verify →
 * ledger → events topic, the bundle against {@link PlainTwin}, both in child JVMs with the same
 * flags, the same PostgreSQL server (a database each), the same Kafka broker (a topic each).
 * First the maximum rate, closed loop, rounds alternating A B A B; then an open-loop load at half
 * of each one's median maximum, again alternating, with p50/p99 from "request due" to "2xx" and
 * to "event visible on the topic".
 *
 * <p>Arguments: webhooks per closed round (default 4000), rounds each (3), senders (16), open-loop seconds (10).
 */
public final class WebhookBench {
    private WebhookBench() {
    }

    /** One contender: its child process, ledger, events watcher and figures. */
    private static final class Contender {
        final String name;
        final Map<String, String> props;
        final WebhookLedger ledger;
        final EventClock events;
        final Path log;
        Process process;
        final List<Double> maxRates = new ArrayList<>();
        final List<Double> eventRates = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        final List<Double> eventP50 = new ArrayList<>();
        final List<Double> eventP99 = new ArrayList<>();
        long heapAfterGcMiB = -1;

        Contender(String name, Map<String, String> props, Path work, EmbeddedPostgresDb db, EmbeddedKafka kafka) {
            this.name = name;
            this.props = props;
            this.ledger = new WebhookLedger(props.get("paybridge.ledger.url"), db.user(), db.password());
            this.events = new EventClock(kafka.bootstrapServers(), props.get("paybridge.topics.events"),
                    "io.paybridge.payment.succeeded"::equals);
            this.log = work.resolve(name + ".log");
        }

        String baseUrl() {
            return "http://127.0.0.1:" + props.get("paybridge.http.port");
        }
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int senders = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int openSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path work = Files.createTempDirectory("paybridge-webhooks-");
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        String secret = BluePaySimulator.Settings.defaults().apiSecret();
        System.out.printf("bench: webhooks, %,d per closed round, %d rounds each, %d senders, open loop %d s; work dir %s; load %s%n",
                perRound, rounds, senders, openSeconds, work, BenchSupport.load());
        Contender bundle = new Contender("paybridge", properties(kafka, db, bluePay), work, db, kafka);
        Contender plain = new Contender("plain", properties(kafka, db, bluePay), work, db, kafka);
        List<Contender> both = List.of(bundle, plain);
        WebhookLoad load = new WebhookLoad(secret);
        try {
            bundle.process = BenchSupport.start(BatchAppMain.class, bundle.name, work,
                    BenchSupport.writeProperties(work.resolve("paybridge.properties"), bundle.props), "PAYBRIDGE READY");
            plain.process = BenchSupport.start(PlainTwin.class, plain.name, work,
                    BenchSupport.writeProperties(work.resolve("plain.properties"), plain.props), "PLAIN READY", "webhooks");
            for (Contender c : both) {
                closedRound(c, load, perRound / 2, senders, "warm-up");
            }
            for (int round = 1; round <= rounds; round++) {
                for (Contender c : both) {
                    closedRound(c, load, perRound, senders, "round " + round);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                for (Contender c : both) {
                    openRound(c, load, BenchSupport.median(c.maxRates) / 2, openSeconds, round);
                }
            }
            report(bundle, plain);
        } finally {
            for (Contender c : both) {
                if (c.process != null) {
                    BenchSupport.stop(c.process);
                }
                c.events.close();
                c.ledger.close();
            }
            bluePay.close();
        }
        System.exit(0);
    }

    private static void closedRound(Contender c, WebhookLoad load, int count, int senders, String label) throws Exception {
        int first = c.ledger.add(count);
        List<HttpRequest> requests = load.requests(c.baseUrl(), first, count);
        long cpuBefore = StartupBench.cpuMillis(c.process.pid());
        long started = System.nanoTime();
        long elapsed = load.closed(requests, senders);
        List<String> keys = ids(first, count);
        long lastEvent = waitForEvents(c, keys);
        double cpuPerWebhook = (double) (StartupBench.cpuMillis(c.process.pid()) - cpuBefore) / count;
        double rate = count / (elapsed / 1e9);
        double eventRate = count / ((lastEvent - started) / 1e9);
        System.out.printf("bench: %-9s closed %-8s %,8.0f webhooks/s answered (%,8.0f/s until the last event visible), CPU %.2f ms/webhook  load %s%n",
                c.name, label, rate, eventRate, cpuPerWebhook, BenchSupport.load());
        if (!label.equals("warm-up")) {
            c.cpu.add(cpuPerWebhook);
        }
        c.heapAfterGcMiB = Math.max(c.heapAfterGcMiB, BenchSupport.heapAfterFullGcMiB(c.process));
        if (!label.equals("warm-up")) {
            c.maxRates.add(rate);
            c.eventRates.add(eventRate);
        }
    }

    private static void openRound(Contender c, WebhookLoad load, double rate, int seconds, int round) throws Exception {
        int count = (int) (rate * seconds);
        int first = c.ledger.add(count);
        List<HttpRequest> requests = load.requests(c.baseUrl(), first, count);
        long[] latency = new long[count];
        long[] due = load.open(requests, rate, latency);
        List<String> keys = ids(first, count);
        waitForEvents(c, keys);
        List<Double> answered = new ArrayList<>(count);
        List<Double> visible = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            answered.add(latency[i] / 1e6);
            visible.add((c.events.seenAt(keys.get(i)) - due[i]) / 1e6);
        }
        double p50 = BenchSupport.quantile(answered, 0.50);
        double p99 = BenchSupport.quantile(answered, 0.99);
        double e50 = BenchSupport.quantile(visible, 0.50);
        double e99 = BenchSupport.quantile(visible, 0.99);
        c.p50.add(p50);
        c.p99.add(p99);
        c.eventP50.add(e50);
        c.eventP99.add(e99);
        c.heapAfterGcMiB = Math.max(c.heapAfterGcMiB, BenchSupport.heapAfterFullGcMiB(c.process));
        System.out.printf("bench: %-9s open   round %d at %,6.0f/s: 2xx p50 %6.1f ms p99 %6.1f ms max %6.1f ms; "
                        + "event visible p50 %6.1f ms p99 %6.1f ms  load %s%n",
                c.name, round, rate, p50, p99, BenchSupport.quantile(answered, 1.0), e50, e99, BenchSupport.load());
    }

    private static long waitForEvents(Contender c, List<String> keys) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!keys.stream().allMatch(k -> c.events.seenAt(k) != null)) {
            if (System.nanoTime() > deadline || !c.process.isAlive()) {
                throw new IllegalStateException(c.name + ": events missing on the topic, see " + c.log);
            }
            Thread.sleep(5); // a harness polling its own watcher
        }
        return c.events.lastOf(keys);
    }

    private static List<String> ids(int first, int count) {
        List<String> keys = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            keys.add(WebhookLedger.id(n));
        }
        return keys;
    }

    private static void report(Contender bundle, Contender plain) throws Exception {
        System.out.println("bench: ---- summary (webhooks/s; latency in ms) ----");
        for (Contender c : List.of(bundle, plain)) {
            System.out.printf("bench: %-9s max rate %s; until event visible %s; CPU ms/webhook %s%n", c.name,
                    BenchSupport.summary(c.maxRates, "%,.0f"), BenchSupport.summary(c.eventRates, "%,.0f"),
                    BenchSupport.summary(c.cpu, "%.2f"));
            System.out.printf("bench: %-9s at half max: 2xx p50 %s, p99 %s; event visible p50 %s, p99 %s%n", c.name,
                    BenchSupport.summary(c.p50, "%.1f"), BenchSupport.summary(c.p99, "%.1f"),
                    BenchSupport.summary(c.eventP50, "%.1f"), BenchSupport.summary(c.eventP99, "%.1f"));
            System.out.printf("bench: %-9s peak RSS (VmHWM) %,d MiB; heap after a full GC between rounds at most %,d MiB (-Xmx256m)%n", c.name,
                    BenchSupport.peakRssMiB(c.process), c.heapAfterGcMiB);
        }
        System.out.printf("bench: ratio paybridge / plain: max rate %.2f (target >= 0.7); until event visible %.2f; load %s%n",
                BenchSupport.median(bundle.maxRates) / BenchSupport.median(plain.maxRates),
                BenchSupport.median(bundle.eventRates) / BenchSupport.median(plain.eventRates), BenchSupport.load());
    }

    /** The bundle's production defaults except where noted: a fresh database, own topics, no reconciliation during the run. */
    private static Map<String, String> properties(EmbeddedKafka kafka, EmbeddedPostgresDb db, BluePaySimulator bluePay) {
        Map<String, String> p = PaybridgeApp.defaults(kafka, bluePay, PaybridgeApp.freePort());
        p.put("paybridge.ledger.url", db.freshDatabase());
        p.put("paybridge.ledger.username", db.user());
        p.put("paybridge.ledger.password", db.password());
        p.remove("paybridge.outbox.interval-ms"); // the tests' 50 ms; the bench keeps the production default
        p.remove("paybridge.dispatch.retry-delay-ms");
        // The prepared payouts sit SUBMITTED; polling BluePay about them would be load neither twin has.
        p.put("paybridge.reconcile.interval-ms", "3600000");
        return p;
    }
}
