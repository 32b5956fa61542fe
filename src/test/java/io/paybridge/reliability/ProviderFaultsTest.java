package io.paybridge.reliability;

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
 * Fault test 1: every provider's API answers 30% 5xx (before doing anything), 10% of calls are
 * slow past the bundle's response timeout (the provider still acts on them: the ambiguous case),
 * and 429s come in bursts. Every payment must end in a state the provider agrees with, or in
 * NEEDS_REVIEW; no provider may hold a payment twice for one id (for BitnovaPay, which has no
 * idempotency key, its per-payment create count; for the others, the payments held per key).
 */
class ProviderFaultsTest {
    static final int PER_PROVIDER = Integer.getInteger("paybridge.faults.per-provider", 12);
    static final long SLOW_MILLIS = 2500;
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
    void serverErrorsTimeoutsAndRateLimitBurstsNeverDoubleOrLoseAPayment() throws Exception {
        long seed = Long.getLong("paybridge.faults.seed", System.nanoTime());
        List<Planned> plan = FaultPayments.plan("f1-" + Long.toHexString(seed), PER_PROVIDER, seed);
        run.sims.seed(seed);
        run.sims.all(f -> {
            f.serverErrorRate(0.30);
            f.slowAnswers(0.10, SLOW_MILLIS);
            f.rateLimitBursts(0.03, 4);
        });
        long started = System.nanoTime();
        run.send(plan);
        run.awaitFinalWords(plan, Duration.ofSeconds(75), Duration.ofSeconds(8));
        long settled = System.nanoTime();
        // Healed, and past the slowest answer, so what the providers hold is what they will ever hold.
        run.sims.all(f -> f.reset());
        run.awaitFinalWords(plan, Duration.ofSeconds(10), Duration.ofMillis(SLOW_MILLIS + 1000));
        FaultVerdict verdict = run.verdict(plan);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("faults", "30% 5xx, 10% answers after " + SLOW_MILLIS + " ms (timeout 1500 ms), 3% chance of a 4-call 429 burst");
        extra.put("send→final words", (settled - started) / 1_000_000 + " ms");
        extra.put("whole run", (System.nanoTime() - started) / 1_000_000 + " ms");
        verdict.print("1 provider API faults", seed, plan, run.sims.totalCalls(), extra);
        verdict.assertInvariants();
    }
}
