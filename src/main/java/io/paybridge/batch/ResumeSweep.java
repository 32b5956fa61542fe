package io.paybridge.batch;

import io.paybridge.ledger.BatchPayments;
import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.BatchState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * After a restart, the payments of open batches that were claimed but never handed to a provider
 * (they were in the in-memory queue when the process died) are handed to dispatch again, a page
 * at a time. For a batch still being read, only the lines up to its resume point: re-reading the
 * rest finds the others. Dispatching a payment twice is harmless; the ledger lets one through.
 */
final class ResumeSweep implements Iterator<String> {
    private static final int PAGE = 1000;

    private final BatchPayments payments;
    private final Deque<BatchRecord> batches;
    private final Deque<String> ids = new ArrayDeque<>();
    private long afterLine;

    ResumeSweep(BatchPayments payments, List<BatchRecord> open) {
        this.payments = payments;
        this.batches = new ArrayDeque<>(open);
    }

    @Override
    public boolean hasNext() {
        while (ids.isEmpty() && !batches.isEmpty()) {
            BatchRecord b = batches.peek();
            long upTo = b.state() == BatchState.READING ? b.lastLine() : Long.MAX_VALUE - 1;
            List<BatchPayments.Row> page = payments.received(b.id(), afterLine, upTo, PAGE);
            page.forEach(r -> ids.add(r.id()));
            if (page.size() < PAGE) {
                batches.pop();
                afterLine = 0;
            } else {
                afterLine = page.get(page.size() - 1).line();
            }
        }
        return !ids.isEmpty();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ids.poll();
    }
}
