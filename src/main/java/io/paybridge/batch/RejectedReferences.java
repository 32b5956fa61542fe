package io.paybridge.batch;

import io.paybridge.ledger.Batches;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * References of the rows a batch rejected so far, so that a later row repeating one is rejected
 * too (a valid row's reference is caught by the ledger claim itself). Held in memory up to a
 * bound, because rejects are normally few; past it, the ledger's {@code batch_rejects} is asked,
 * so a file of a million bad rows still reads in flat memory.
 */
final class RejectedReferences {
    private final Batches batches;
    private final String batchId;
    private final int capacity;
    private final Map<String, Long> firstLine = new HashMap<>();
    private boolean overflowed;

    RejectedReferences(Batches batches, String batchId, int capacity) {
        this.batches = batches;
        this.batchId = batchId;
        this.capacity = capacity;
    }

    /**
     * A resumed batch starts with what the ledger recorded before the restart: its rejects are
     * loaded up to the bound (a page at a time); beyond it, lookups go to the ledger.
     */
    static RejectedReferences resumed(Batches batches, String batchId, int capacity) {
        RejectedReferences references = new RejectedReferences(batches, batchId, capacity);
        long line = 0;
        int seq = 0;
        while (!references.overflowed) {
            var page = batches.rejects(batchId, line, seq, 1000);
            for (Batches.Reject r : page) {
                references.remember(r.reference(), r.line());
            }
            if (page.size() < 1000) {
                break;
            }
            line = page.get(page.size() - 1).line();
            seq = page.get(page.size() - 1).seq();
        }
        return references;
    }

    /** The first line {@code reference} was rejected on, if it was (before {@code line}). */
    Optional<Long> rejectedBefore(String reference, long line) {
        if (reference == null) {
            return Optional.empty();
        }
        Long known = firstLine.get(reference);
        if (known != null) {
            return known < line ? Optional.of(known) : Optional.empty();
        }
        if (!overflowed) {
            return Optional.empty();
        }
        return batches.firstRejectedLine(batchId, reference).filter(first -> first < line);
    }

    void remember(String reference, long line) {
        if (reference == null) {
            return;
        }
        if (firstLine.size() >= capacity && !firstLine.containsKey(reference)) {
            overflowed = true; // the ledger holds it; later lookups ask there
            return;
        }
        firstLine.putIfAbsent(reference, line);
    }
}
