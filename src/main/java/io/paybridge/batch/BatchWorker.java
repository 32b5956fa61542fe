package io.paybridge.batch;

import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.BatchState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch-reading timer's bean. Each tick it answers the payment ids to hand to dispatch, as a
 * lazy iterator the route splits in streaming mode into a bounded, blocking queue: first (once
 * per process) the claimed-but-unsent payments of open batches, then the rows of the oldest batch
 * still being read, from its resume point. Batches are read one at a time, oldest first.
 */
public final class BatchWorker {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);

    private final BatchParts parts;
    private volatile boolean swept;
    private volatile LiveProgress current;
    private BatchStream open;

    BatchWorker(BatchParts parts) {
        this.parts = parts;
    }

    public Iterator<String> next(Exchange exchange) throws IOException {
        closeLeftover();
        CamelContext camel = exchange.getContext();
        Iterator<String> sweep = Collections.emptyIterator();
        if (!swept) {
            swept = true;
            List<BatchRecord> unfinished = parts.batches().inStates(EnumSet.of(BatchState.READING, BatchState.DISPATCHED,
                    BatchState.OVERDUE));
            sweep = new ResumeSweep(parts.payments(), unfinished);
        }
        Optional<BatchRecord> reading = parts.batches().inStates(EnumSet.of(BatchState.READING)).stream()
                .filter(b -> Files.exists(file(b))).findFirst();
        if (reading.isEmpty()) {
            return sweep;
        }
        BatchRecord batch = reading.get();
        if (batch.lastLine() > 0) {
            LOG.info("batch {} resumes after line {} ({} rows read before the restart)", batch.id(), batch.lastLine(), batch.rowsRead());
        }
        LiveProgress progress = new LiveProgress(batch);
        open = new BatchStream(batch, file(batch), parts, () -> camel.isStopping() || camel.isStopped(), progress);
        current = progress;
        return new Chained(sweep, open);
    }

    /** The counts of the batch being read now, if {@code batchId} is it. */
    Optional<LiveProgress> live(String batchId) {
        LiveProgress p = current;
        return p != null && p.reading() && p.batchId().equals(batchId) ? Optional.of(p) : Optional.empty();
    }

    private Path file(BatchRecord b) {
        return parts.settings().done().resolve(b.storedName());
    }

    /** A stream the route did not finish (it failed half-way) is closed before the next one opens. */
    private void closeLeftover() {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    /** The sweep, then the stream. */
    private record Chained(Iterator<String> first, Iterator<String> second) implements Iterator<String> {
        @Override
        public boolean hasNext() {
            return first.hasNext() || second.hasNext();
        }

        @Override
        public String next() {
            return first.hasNext() ? first.next() : second.next();
        }
    }
}
