package io.paybridge.ledger;

import java.time.Instant;

/**
 * A batch file as the ledger holds it. {@code storedName} is the unique name the file got under
 * {@code done/} and the stem of its output files; {@code lastLine} is the resume point (every
 * data row up to that physical line is claimed or rejected); the row counts are as of that point.
 * {@code rowsTotal} is the number of data rows the file holds (counted when it was accepted);
 * {@code resultsStatuses} the payment counts per status the last results file was written with.
 */
public record BatchRecord(
        String id,
        String sha256,
        String fileName,
        String storedName,
        BatchState state,
        char delimiter,
        long sizeBytes,
        long rowsTotal,
        long lastLine,
        long rowsRead,
        long rowsValid,
        long rowsRejected,
        int resultsRevision,
        Long resultsPending,
        String resultsStatuses,
        Instant receivedAt,
        Instant readAt,
        Instant resultsAt,
        Instant settledAt) {

    /** A new batch about to be registered: nothing read yet. */
    public static BatchRecord received(String id, String sha256, String fileName, String storedName, char delimiter,
                                       long sizeBytes, long rowsTotal, Instant receivedAt) {
        return new BatchRecord(id, sha256, fileName, storedName, BatchState.READING, delimiter, sizeBytes, rowsTotal,
                0, 0, 0, 0, 0, null, null, receivedAt, null, null, null);
    }
}
