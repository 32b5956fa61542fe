package io.paybridge.batch;

import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.Batches;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one batch file a row at a time and yields the payment ids to dispatch, so the route can
 * stream them into a bounded queue: the file is never loaded, and reading waits while dispatch
 * is busy. Valid rows are claimed in the ledger {@code claimRows} at a time, in one transaction
 * (a ledger commit per row was what limited reading); the resume point only ever moves past
 * settled chunks, every {@code checkpointRows} rows. Rows up to the resume point are skipped.
 * At the end of the file the rejects file is written and the batch becomes DISPATCHED. When the
 * process is stopping it ends early, drops the unsettled chunk and leaves the batch READING.
 */
final class BatchStream implements Iterator<String>, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchStream.class);

    private final BatchRecord batch;
    private final CsvRows rows;
    private final RowIntake intake;
    private final RejectedReferences rejected;
    private final Batches batches;
    private final BatchOutputs outputs;
    private final int checkpointRows;
    private final BooleanSupplier stopping;
    private final LiveProgress progress;
    private final int claimRows;
    private final ClaimChunk chunk = new ClaimChunk();
    private final Deque<String> ready = new ArrayDeque<>();
    private String nextId;
    private boolean finished;
    private boolean endOfFile;
    private int sinceCheckpoint;

    BatchStream(BatchRecord batch, Path file, BatchParts parts, BooleanSupplier stopping, LiveProgress progress) throws IOException {
        this.batch = batch;
        this.rows = CsvRows.open(Files.newInputStream(file), batch.delimiter());
        if (!rows.header().usable()) {
            rows.close();
            throw new IllegalStateException("batch " + batch.id() + ": " + file + " no longer has a usable header: " + rows.header().problem());
        }
        this.intake = parts.intake();
        this.batches = parts.batches();
        this.outputs = parts.outputs();
        this.checkpointRows = parts.settings().checkpointRows();
        this.claimRows = parts.settings().claimRows();
        this.rejected = batch.lastLine() == 0 ? new RejectedReferences(batches, batch.id(), parts.settings().rejectMemory())
                : RejectedReferences.resumed(batches, batch.id(), parts.settings().rejectMemory());
        this.stopping = stopping;
        this.progress = progress;
    }

    @Override
    public boolean hasNext() {
        try {
            while (nextId == null && !finished) {
                advance();
            }
            return nextId != null;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("batch " + batch.id() + " could not be read", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String id = nextId;
        nextId = null;
        return id;
    }

    private void advance() throws IOException {
        if (stopping.getAsBoolean()) {
            // Claimed ids not yet handed over are RECEIVED up to the resume point: the restart's sweep sends them.
            checkpoint();
            LOG.info("batch {} paused at line {}: stopping; it resumes from there on restart", batch.id(), progress.lastLine());
            finish();
            return;
        }
        if (!ready.isEmpty()) {
            nextId = ready.poll();
            return;
        }
        CsvRows.Row row = endOfFile ? null : rows.next();
        if (row == null) {
            endOfFile = true;
            settle();
            if (!ready.isEmpty()) {
                return; // the last ids are handed over before the batch counts as read
            }
            checkpoint();
            outputs.writeRejects(batch);
            batches.markRead(batch.id(), progress.snapshot());
            LOG.info("batch {} read: {} rows, {} valid, {} rejected", batch.id(), progress.rowsRead(), progress.rowsValid(),
                    progress.rowsRejected());
            finish();
            return;
        }
        if (row.line() <= batch.lastLine()) {
            return; // handled before the restart
        }
        if (chunk.holds(RowCommands.reference(rows.header(), row))) {
            settle(); // a repeat is judged against the ledger as it would be had the earlier row been claimed alone
        }
        intake.check(batch, rows.header(), row, rejected, chunk);
        if (chunk.size() >= claimRows) {
            settle();
        }
    }

    /** Claims the chunk's valid rows, moves the counts past every row of it, and queues the ids to dispatch. */
    private void settle() {
        if (chunk.isEmpty()) {
            return;
        }
        Iterator<RowIntake.Verdict> verdicts = intake.settle(batch, chunk, rejected).iterator();
        for (ClaimChunk.Entry entry : chunk.entries()) {
            RowIntake.Verdict verdict = entry.command() == null ? null : verdicts.next();
            progress.row(entry.line(), verdict != null && verdict.kind() != RowIntake.Kind.REJECTED);
            if (verdict != null && verdict.dispatch()) {
                ready.add(verdict.paymentId());
            }
        }
        sinceCheckpoint += chunk.size();
        chunk.clear();
        if (sinceCheckpoint >= checkpointRows) {
            checkpoint();
        }
    }

    /** Records the resume point: only rows of settled chunks are counted in {@code progress}. */
    private void checkpoint() {
        if (sinceCheckpoint > 0) {
            batches.checkpoint(batch.id(), progress.snapshot());
            sinceCheckpoint = 0;
        }
    }

    private void finish() {
        finished = true;
        close();
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            LOG.debug("closing batch {} file: {}", batch.id(), e.getMessage());
        }
        progress.done();
    }
}
