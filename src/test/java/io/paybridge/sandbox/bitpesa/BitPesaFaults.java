package io.paybridge.sandbox.bitpesa;

import io.paybridge.sandbox.SimulatorFaults;
import java.util.concurrent.atomic.AtomicInteger;

/** Run-time fault switches for the BitPesa simulator: the common ones, answers lost after creation, refused funding. */
public final class BitPesaFaults extends SimulatorFaults {
    private final AtomicInteger failNextAfterCreate = new AtomicInteger();
    private final AtomicInteger refuseNextDebits = new AtomicInteger();

    /** The next n transaction creations store the transaction, then answer HTTP 500 (an answer lost after creation). */
    public void failNextAfterCreate(int n) {
        failNextAfterCreate.set(Math.toIntExact(requireNonNegative(n, "failNextAfterCreate")));
    }

    /** The next n {@code accounts/debits} calls are refused with 422 {@code insufficient_funds}, whatever the balance. */
    public void refuseNextDebits(int n) {
        refuseNextDebits.set(Math.toIntExact(requireNonNegative(n, "refuseNextDebits")));
    }

    @Override
    public void reset() {
        super.reset();
        failNextAfterCreate.set(0);
        refuseNextDebits.set(0);
    }

    boolean shouldRefuseDebit() {
        return take(refuseNextDebits);
    }

    boolean shouldFailAfterCreate() {
        return take(failNextAfterCreate);
    }
}
