package io.paybridge.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.ledger.BatchPayments;
import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.BatchState;
import io.paybridge.ledger.OutboxEvent;
import io.paybridge.ledger.OutboxRelay;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch's results once every valid row is terminal, or once the deadline after the last
 * row was read has passed (the rest then listed as they stand, e.g. PENDING). After that, any
 * change in the batch's payment statuses (a row settling, a row going to NEEDS_REVIEW) rewrites
 * the results and summary in place, with a higher {@code revision}, until all are terminal or
 * the follow-up period ends. Each write is announced on the events topic through
 * the outbox: {@code io.paybridge.batch.completed} the first time, {@code io.paybridge.batch.updated}
 * after. Files are written before the ledger records them, so a crash in between writes them again.
 */
public final class BatchCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(BatchCompletion.class);
    /** Outbox event type of the first results: CloudEvent type {@code io.paybridge.batch.completed}. */
    static final String COMPLETED = OutboxRelay.BATCH_PREFIX + "COMPLETED";
    /** Outbox event type of rewritten results: CloudEvent type {@code io.paybridge.batch.updated}. */
    static final String UPDATED = OutboxRelay.BATCH_PREFIX + "UPDATED";

    private final BatchParts parts;
    private final ObjectMapper json;
    private final Clock clock;

    BatchCompletion(BatchParts parts, ObjectMapper json, Clock clock) {
        this.parts = parts;
        this.json = json;
        this.clock = clock;
    }

    /** One pass over the batches waiting for results. */
    public void check() {
        for (BatchRecord b : parts.batches().inStates(EnumSet.of(BatchState.DISPATCHED, BatchState.OVERDUE))) {
            try {
                checkBatch(b);
            } catch (RuntimeException e) {
                LOG.warn("batch {}: results not written yet: {}", b.id(), e.getMessage());
            }
        }
    }

    void checkBatch(BatchRecord b) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the ledger keeps, so every revision shows the same time
        if (b.state() == BatchState.OVERDUE && b.resultsAt() != null && now.isAfter(b.resultsAt().plus(parts.settings().followUpFor()))) {
            return; // no longer followed; its payments' own events still reach the events topic
        }
        List<BatchPayments.Total> totals = parts.payments().totals(b.id());
        long pending = totals.stream().filter(t -> !t.status().isTerminal()).mapToLong(BatchPayments.Total::count).sum();
        String statuses = statuses(totals);
        boolean first = b.state() == BatchState.DISPATCHED;
        boolean due = first ? pending == 0 || now.isAfter(b.readAt().plus(parts.settings().deadline()))
                : !statuses.equals(b.resultsStatuses());
        if (!due) {
            return;
        }
        BatchState next = pending == 0 ? BatchState.COMPLETED : BatchState.OVERDUE;
        int revision = b.resultsRevision() + 1;
        Instant resultsAt = b.resultsAt() != null ? b.resultsAt() : now;
        BatchSummary summary = BatchSummaries.of(b, null, totals, next.name(), resultsAt, revision);
        parts.outputs().writeResults(b);
        parts.outputs().writeJson(BatchOutputs.summaryName(b.storedName()), summary);
        parts.batches().resultsWritten(b.id(), next, revision, pending, statuses,
                new OutboxEvent(UUID.randomUUID().toString(), first ? COMPLETED : UPDATED, payload(summary), now));
        LOG.info("batch {} results written (revision {}): {} valid rows, {} settled, {} pending{}", b.id(), revision, b.rowsValid(),
                summary.settled(), pending, pending > 0 && first ? " at the deadline" : "");
    }

    /** The payment count per status, e.g. {@code NEEDS_REVIEW=4,SUCCEEDED=1996}: results are rewritten when it changes. */
    static String statuses(List<BatchPayments.Total> totals) {
        Map<String, Long> counts = new TreeMap<>();
        totals.forEach(t -> counts.merge(t.status().name(), t.count(), Long::sum));
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private String payload(BatchSummary summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise batch summary", e);
        }
    }
}
