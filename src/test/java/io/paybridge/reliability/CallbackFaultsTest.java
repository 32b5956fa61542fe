package io.paybridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.reliability.FaultPayments.Planned;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault test 2: the providers' APIs are healthy but their callbacks are not: 20% never sent, 20%
 * sent twice, each delayed by a random 0–1.5 s so they overtake one another, and a fifth of
 * BitPesa's webhooks (several per payout) held back 2 s so they arrive after later ones.
 * Reconciliation (short poll delays) must settle every payment to exactly the state its
 * customer's number calls for, and no history, in the ledger or on the topic, may step backwards.
 */
class CallbackFaultsTest {
    static final int PER_PROVIDER = Integer.getInteger("paybridge.faults.per-provider", 12);
    static FaultRun run;

    @BeforeAll
    static void start() throws Exception {
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        run = new FaultRun(EmbeddedKafka.shared(), new FaultSimulators(), db.freshDatabase(), db.user(), db.password());
        run.startApp();
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void droppedDuplicatedAndReorderedCallbacksStillEndInTheRightStateAndNeverGoBackwards() throws Exception {
        long seed = Long.getLong("paybridge.faults.seed", System.nanoTime());
        List<Planned> plan = FaultPayments.plan("f2-" + Long.toHexString(seed), PER_PROVIDER, seed);
        run.sims.seed(seed);
        run.sims.all(f -> {
            f.dropCallbackRate(0.20);
            f.duplicateCallbackRate(0.20);
            f.callbackJitterMillis(1500);
            f.lateCallbacks(0.20, 2000);
        });
        long started = System.nanoTime();
        run.send(plan);
        run.awaitFinalWords(plan, Duration.ofSeconds(75), Duration.ofSeconds(10));
        long settled = System.nanoTime();
        // Let the held-back and duplicated callbacks land after the payments settled: they must change nothing.
        run.awaitFinalWords(plan, Duration.ofSeconds(5), Duration.ofMillis(3500));
        FaultVerdict verdict = run.verdict(plan);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("faults", "20% callbacks dropped, 20% duplicated, 0-1500 ms jitter, 20% of BitPesa webhooks 2 s late");
        extra.put("callbacks delivered", callbacks());
        extra.put("not as expected", verdict.notAsExpected(plan));
        extra.put("send→settled", (settled - started) / 1_000_000 + " ms");
        verdict.print("2 callback faults", seed, plan, run.sims.totalCalls(), extra);
        verdict.assertInvariants();
        assertThat(verdict.notAsExpected(plan)).as("healthy APIs: every payment settles as its customer's number says").isEmpty();
    }

    private static String callbacks() {
        FaultSimulators s = run.sims;
        return "bluepay " + s.bluePay.callbacksDelivered() + ", kipay " + s.kipay.callbacksDelivered() + ", bitnovapay "
                + s.bitnova.callbacksDelivered() + ", bitlipa " + s.bitlipa.callbacksDelivered() + ", bitpesa "
                + s.bitPesa.webhooksDelivered();
    }
}
