package io.paybridge.sandbox.bitlipa;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the networks behind the gateway: after the callback delay an accepted order reaches its
 * scripted outcome ({@link BitlipaOrder#finalStatus}) and, if it has a transaction id, its signed
 * callback goes out. Redirect-flow collections wait for the customer to open their link (or the
 * auto-confirm fault); bank-transfer collections settle silently, visible only through status.
 */
final class BitlipaSettler implements AutoCloseable {
    private final BitlipaFaults faults;
    private final BitlipaCallbackSender sender;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bitlipa-sim-settler");
        t.setDaemon(true);
        return t;
    });

    BitlipaSettler(BitlipaFaults faults, BitlipaCallbackSender sender) {
        this.faults = faults;
        this.sender = sender;
    }

    void accepted(BitlipaOrder order) {
        if (order.redirectFlow()) {
            long auto = faults.autoConfirmRedirectMillis();
            if (auto >= 0) {
                executor.schedule(() -> confirmed(order), auto, TimeUnit.MILLISECONDS);
            }
            return;
        }
        later(order);
    }

    void confirmed(BitlipaOrder order) {
        if (order.status == 1) {
            later(order);
        }
    }

    private void later(BitlipaOrder order) {
        executor.schedule(() -> {
            try {
                int outcome = order.finalStatus();
                if (outcome == 1) {
                    return; // never settles
                }
                order.status = outcome;
                if (!order.bankDetailsFlow() && order.callbackUrl != null && !faults.dropCallbacks()) {
                    sender.send(order, faults.duplicateCallbacks());
                }
            } catch (RuntimeException e) {
                System.err.println("bitlipa-sim: settlement failed: " + e);
            }
        }, faults.callbackDelayMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
