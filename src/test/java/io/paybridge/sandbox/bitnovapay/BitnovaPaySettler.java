package io.paybridge.sandbox.bitnovapay;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the customer and M-Pesa: after the callback delay each accepted payment or withdrawal is
 * settled by its party's scripted fate ({@link BitnovaPayJson.Fate}), the wallet moves, and the
 * webhook goes out (unless dropped). Status answers change at the same moment, so polling sees
 * what a dropped callback would have said.
 */
final class BitnovaPaySettler implements AutoCloseable {
    private final BitnovaPayState state;
    private final BitnovaPayFaults faults;
    private final BitnovaPayCallbackSender sender;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bitnovapay-sim-settler");
        t.setDaemon(true);
        return t;
    });

    BitnovaPaySettler(BitnovaPayState state, BitnovaPayFaults faults, BitnovaPayCallbackSender sender) {
        this.state = state;
        this.faults = faults;
        this.sender = sender;
    }

    void schedule(BitnovaPayRecord record) {
        BitnovaPayJson.Fate fate = BitnovaPayJson.Fate.of(record.party);
        if (fate == BitnovaPayJson.Fate.NEVER_SETTLE) {
            return;
        }
        executor.schedule(() -> {
            try {
                settle(record, fate == BitnovaPayJson.Fate.SUCCEED);
            } catch (RuntimeException e) {
                System.err.println("bitnovapay-sim: settlement failed: " + e);
            }
        }, faults.callbackDelayMillis(), TimeUnit.MILLISECONDS);
    }

    private void settle(BitnovaPayRecord record, boolean success) {
        record.settle(success);
        if (record.kind == BitnovaPayRecord.Kind.WITHDRAWAL) {
            if (!success) {
                state.credit(record.amount); // the principal comes back, as on any failed payout
            }
        } else if (success) {
            // Smart Gateway credits the wallet net of fees; Direct Pay money went to the merchant's
            // paybill, and only the service fee comes out of the wallet.
            if ("B".equals(record.module)) {
                state.credit(record.amount.subtract(record.fee));
            } else {
                state.credit(record.fee.negate());
            }
        }
        if (!faults.dropCallbacks()) {
            sender.send(record.event(), record.eventData(), faults.duplicateCallbacks());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
