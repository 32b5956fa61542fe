package io.paybridge.sandbox.bluepay;

import io.paybridge.sandbox.SimulatorFaults;
import java.util.concurrent.atomic.AtomicInteger;

/** Run-time fault switches for the BluePay simulator: the common ones, and M-Pesa failing whatever the number. */
public final class BluePayFaults extends SimulatorFaults {
    private final AtomicInteger failNextSettlements = new AtomicInteger();

    /** The next {@code n} payments to settle fail at M-Pesa, whatever their phone number says. */
    public void failNextSettlements(int n) {
        failNextSettlements.set(Math.toIntExact(requireNonNegative(n, "failNextSettlements")));
    }

    /** Whether the payment settling now fails regardless of its number; consumes a credit. */
    boolean failsThisSettlement() {
        return take(failNextSettlements);
    }

    @Override
    public void reset() {
        super.reset();
        failNextSettlements.set(0);
    }
}
