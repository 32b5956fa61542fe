package io.paybridge.sandbox.bitpesa;

import io.paybridge.sandbox.SimulatorFaults;
import java.util.concurrent.atomic.AtomicInteger;

/** Run-time fault switches for the BitPesa simulator: the common ones, plus answers lost after creation. */
public final class BitPesaFaults extends SimulatorFaults {
    private final AtomicInteger failNextAfterCreate = new AtomicInteger();

    /** The next n transaction creations store the transaction, then answer HTTP 500 (an answer lost after creation). */
    public void failNextAfterCreate(int n) {
        failNextAfterCreate.set(Math.toIntExact(requireNonNegative(n, "failNextAfterCreate")));
    }

    @Override
    public void reset() {
        super.reset();
        failNextAfterCreate.set(0);
    }

    boolean shouldFailAfterCreate() {
        return take(failNextAfterCreate);
    }
}
