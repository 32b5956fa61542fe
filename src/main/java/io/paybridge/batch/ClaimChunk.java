package io.paybridge.batch;

import io.paybridge.model.PaymentCommand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows read since the last ledger claim, in file order: valid rows wait here to be claimed
 * together in one transaction ({@link RowIntake#settle}); rejected rows are already recorded and
 * only wait for the resume point to move past them. Knows which references the waiting valid
 * rows hold: a row repeating one is only checked once the chunk is settled, so repeats are
 * answered exactly as when every row was claimed alone.
 */
final class ClaimChunk {
    /** A row of the chunk: {@code command} is null for a row already rejected. */
    record Entry(long line, String reference, PaymentCommand command) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> waiting = new HashSet<>();
    private int valid;

    void rejected(long line) {
        entries.add(new Entry(line, null, null));
    }

    void valid(long line, String reference, PaymentCommand command) {
        entries.add(new Entry(line, reference, command));
        waiting.add(reference);
        valid++;
    }

    /** Whether a waiting valid row holds this reference. */
    boolean holds(String reference) {
        return reference != null && waiting.contains(reference);
    }

    List<Entry> entries() {
        return entries;
    }

    List<PaymentCommand> commands() {
        List<PaymentCommand> commands = new ArrayList<>(valid);
        for (Entry e : entries) {
            if (e.command() != null) {
                commands.add(e.command());
            }
        }
        return commands;
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void clear() {
        entries.clear();
        waiting.clear();
        valid = 0;
    }
}
