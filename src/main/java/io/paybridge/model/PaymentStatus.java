package io.paybridge.model;

/**
 * Canonical payment states. Transitions only move forward: a late or duplicate update never
 * moves a payment backwards.
 *
 * <pre>RECEIVED → SUBMITTED → PENDING → SUCCEEDED | FAILED | CANCELLED, SUCCEEDED → REVERSED</pre>
 *
 * NEEDS_REVIEW is entered where the outcome cannot be known safely; the provider's later word
 * (a callback or a polled status) may still settle it.
 */
public enum PaymentStatus {
    RECEIVED(0), SUBMITTED(1), PENDING(2), NEEDS_REVIEW(3), SUCCEEDED(4), FAILED(4), CANCELLED(4), REVERSED(5);

    private final int rank;

    PaymentStatus(int rank) {
        this.rank = rank;
    }

    /** True for the states a payment normally ends in. */
    public boolean isTerminal() {
        return rank >= 4;
    }

    /** Whether a payment in this state may move to {@code next}. Same state again is not a move. */
    public boolean canMoveTo(PaymentStatus next) {
        if (next == this) {
            return false;
        }
        if (next == REVERSED) {
            return this == SUCCEEDED;
        }
        if (isTerminal()) {
            return false;
        }
        if (next == NEEDS_REVIEW) {
            return true;
        }
        if (this == NEEDS_REVIEW) {
            return next.isTerminal();
        }
        return next.rank > rank;
    }
}
