package io.paybridge.intake;

import io.paybridge.ledger.Payment;

/**
 * What intake made of one input. NEW: claimed, to be dispatched. REPEAT: the same command
 * again, nothing to do. CONFLICT: the id is taken by a different command. REJECTED: invalid.
 */
public record IntakeResult(Verdict verdict, Payment payment, InvalidCommand invalid) {
    public enum Verdict { NEW, REPEAT, CONFLICT, REJECTED }

    public String paymentId() {
        return payment != null ? payment.id() : invalid != null ? invalid.id() : null;
    }
}
