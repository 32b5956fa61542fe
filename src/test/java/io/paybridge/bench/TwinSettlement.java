package io.paybridge.bench;

import io.paybridge.model.PaymentEvent;
import io.paybridge.model.PaymentStatus;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, from the ledger's committed transitions, the payments that reached an end for the
 * batch: a terminal state, or NEEDS_REVIEW (whose outcome only the provider's later word or an
 * operator can decide). A payment settling after review moves from one count to the other. The
 * twin is finished when this count reaches the number of rows it claimed.
 */
final class TwinSettlement {
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong inReview = new AtomicLong();

    void committed(PaymentEvent event) {
        PaymentStatus now = event.status();
        PaymentStatus before = event.previousStatus();
        boolean endedBefore = before != null && (before.isTerminal() || before == PaymentStatus.NEEDS_REVIEW);
        if (now == PaymentStatus.NEEDS_REVIEW) {
            ended.incrementAndGet();
            inReview.incrementAndGet();
        } else if (now.isTerminal() && before == PaymentStatus.NEEDS_REVIEW) {
            inReview.decrementAndGet();
        } else if (now.isTerminal() && !endedBefore) {
            ended.incrementAndGet();
        }
    }

    long ended() {
        return ended.get();
    }

    long inReview() {
        return inReview.get();
    }
}
