package io.paybridge.ledger;

/**
 * Where a batch file is. READING: rows are being read, validated and claimed (resumed from
 * {@code last_line} after a restart). DISPATCHED: every row is read; waiting for the payments to
 * settle. OVERDUE: the deadline passed and results were written with some rows still pending;
 * they are rewritten as those settle. COMPLETED: results written with every valid row terminal.
 */
public enum BatchState {
    READING, DISPATCHED, OVERDUE, COMPLETED;

    /** True while the batch still needs work from this process (reading or watching for settlements). */
    public boolean isOpen() {
        return this != COMPLETED;
    }
}
