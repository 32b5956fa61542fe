package io.paybridge.batch;

import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.Batches;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one batch file a row at a time and yields the payment ids to dispatch, so the route can
 * stream them into a bounded queue: the file is never loaded, and reading waits while dispatch
 * is busy. Rows up to the batch's resume point are skipped; the resume point moves every
 * {@code checkpointRows} rows. At the end of the file the rejects file is written and the batch
 * becomes DISPATCHED. When the process is stopping it ends early and leaves the batch READING.
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
    private String nextId;
    private boolean finished;
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
            checkpoint();
            LOG.info("batch {} paused at line {}: stopping; it resumes from there on restart", batch.id(), progress.lastLine());
            finish();
            return;
        }
        CsvRows.Row row = rows.next();
        if (row == null) {
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
        RowIntake.Verdict verdict = intake.process(batch, rows.header(), row, rejected);
        progress.row(row.line(), verdict.kind() != RowIntake.Kind.REJECTED);
        if (verdict.dispatch()) {
            nextId = verdict.paymentId();
        }
        if (++sinceCheckpoint >= checkpointRows) {
            checkpoint();
        }
    }

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
