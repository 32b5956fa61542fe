package io.paybridge.batch;

import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.Batches;

/**
 * The counts of the batch being read right now, ahead of its last checkpoint. One thread (the
 * reader) writes; the progress log and {@code GET /batches/{id}} read.
 */
final class LiveProgress {
    private final String batchId;
    private volatile long lastLine;
    private volatile long rowsRead;
    private volatile long rowsValid;
    private volatile long rowsRejected;
    private volatile boolean reading = true;

    LiveProgress(BatchRecord batch) {
        this.batchId = batch.id();
        this.lastLine = batch.lastLine();
        this.rowsRead = batch.rowsRead();
        this.rowsValid = batch.rowsValid();
        this.rowsRejected = batch.rowsRejected();
    }

    void row(long line, boolean valid) {
        lastLine = line;
        rowsRead++;
        if (valid) {
            rowsValid++;
        } else {
            rowsRejected++;
        }
    }

    Batches.Progress snapshot() {
        return new Batches.Progress(lastLine, rowsRead, rowsValid, rowsRejected);
    }

    void done() {
        reading = false;
    }

    boolean reading() {
        return reading;
    }

    String batchId() {
        return batchId;
    }

    long lastLine() {
        return lastLine;
    }

    long rowsRead() {
        return rowsRead;
    }

    long rowsValid() {
        return rowsValid;
    }

    long rowsRejected() {
        return rowsRejected;
    }
}
