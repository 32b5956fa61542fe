package io.paybridge.sandbox.kipay;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Plays the customer: after the callback delay each STK push (by phone) or checkout (by email)
 * is settled by its scripted fate, so verify and stk-status change, and then the callback goes
 * to the account's URL (unless dropped or no URL is set).
 */
final class KipaySettler implements AutoCloseable {
    private final KipayFaults faults;
    private final KipayCallbackSender sender;
    private final Supplier<String> callbackUrl;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "kipay-sim-settler");
        t.setDaemon(true);
        return t;
    });

    KipaySettler(KipayFaults faults, KipayCallbackSender sender, Supplier<String> callbackUrl) {
        this.faults = faults;
        this.sender = sender;
        this.callbackUrl = callbackUrl;
    }

    void schedule(KipayTransaction t) {
        KipayJson.Fate fate = KipayJson.Fate.of(t.kind == KipayTransaction.Kind.CHECKOUT ? t.email : t.phone);
        if (fate == KipayJson.Fate.NEVER_SETTLE) {
            return;
        }
        executor.schedule(() -> {
            try {
                t.settle(fate == KipayJson.Fate.SUCCEED);
                String url = callbackUrl.get();
                if (url != null && !faults.dropCallbacks()) {
                    sender.send(url, t.callbackBody(), !faults.unsignedCallbacks(), faults.duplicateCallbacks());
                }
            } catch (RuntimeException e) {
                System.err.println("kipay-sim: settlement failed: " + e);
            }
        }, faults.callbackDelayMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
