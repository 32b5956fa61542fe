package io.paybridge.batch;

import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.BatchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, at the progress timer's steady interval, one line per batch being read or waiting to
 * settle: rows read of the total, valid, rejected, settled, pending, and the rate since the last
 * line (rows read per second while reading, payments settled per second after).
 */
public final class BatchProgress {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProgress.class);

    private record Mark(Instant at, long read, long settled) {
    }

    private final BatchParts parts;
    private final BatchWorker worker;
    private final Clock clock;
    private final Map<String, Mark> marks = new HashMap<>();

    BatchProgress(BatchParts parts, BatchWorker worker, Clock clock) {
        this.parts = parts;
        this.worker = worker;
        this.clock = clock;
    }

    public void log() {
        List<BatchRecord> active = parts.batches().inStates(EnumSet.of(BatchState.READING, BatchState.DISPATCHED));
        marks.keySet().retainAll(active.stream().map(BatchRecord::id).toList());
        for (BatchRecord b : active) {
            BatchSummary s = BatchSummaries.of(b, worker.live(b.id()).orElse(null), parts.payments().totals(b.id()), b.state().name(),
                    null, null);
            Instant now = clock.instant();
            Mark previous = marks.put(b.id(), new Mark(now, s.rows().read(), s.settled()));
            LOG.info("batch {} ({}) {}: {}/{} rows read, {} valid, {} rejected, {} settled, {} pending, {}", b.id(), b.fileName(),
                    b.state(), s.rows().read(), s.rows().total(), s.rows().valid(), s.rows().rejected(), s.settled(), s.pending(),
                    rate(b.state(), previous == null ? new Mark(b.receivedAt(), 0, 0) : previous, now, s));
        }
    }

    private static String rate(BatchState state, Mark previous, Instant now, BatchSummary s) {
        double seconds = Math.max(0.001, Duration.between(previous.at(), now).toMillis() / 1000.0);
        return state == BatchState.READING
                ? String.format("%.0f rows/s read", (s.rows().read() - previous.read()) / seconds)
                : String.format("%.0f payments/s settled", (s.settled() - previous.settled()) / seconds);
    }
}
