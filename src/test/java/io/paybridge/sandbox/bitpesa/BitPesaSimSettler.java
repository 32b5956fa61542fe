package io.paybridge.sandbox.bitpesa;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pays out funded transactions after the callback delay, scripted by the recipient's phone or
 * account: {@code 999} recipient error then refund (transaction {@code refunded}); {@code 997}
 * recipient error, transaction left {@code processing} until cancelled; {@code 998} stays
 * {@code processing}; anything else {@code paid}. Each change sends its webhook.
 */
final class BitPesaSimSettler implements AutoCloseable {
    private final BitPesaSimState state;
    private final BitPesaFaults faults;
    private final BitPesaWebhookSender webhooks;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bitpesa-sim-settler");
        t.setDaemon(true);
        return t;
    });

    BitPesaSimSettler(BitPesaSimState state, BitPesaFaults faults, BitPesaWebhookSender webhooks) {
        this.state = state;
        this.faults = faults;
        this.webhooks = webhooks;
    }

    void funded(BitPesaSimTransaction tx) {
        tx.funded = true;
        tx.state = "received";
        webhooks.transaction("transaction.paid_in", tx);
        later(() -> payOut(tx));
    }

    void cancel(BitPesaSimTransaction tx) {
        if (tx.funded) {
            state.credit(tx.inputCurrency, tx.amount);
        }
        tx.state = "canceled";
        tx.recipientState = "canceled";
        webhooks.transaction("transaction.canceled", tx);
    }

    private void payOut(BitPesaSimTransaction tx) {
        String to = tx.destination();
        tx.state = "processing";
        if (to.endsWith("998")) {
            return;
        }
        if (to.endsWith("999") || to.endsWith("997")) {
            tx.recipientState = "error";
            tx.recipientReason = "Recipient's account could not be credited";
            webhooks.recipient("recipient.error", tx);
            if (to.endsWith("999")) {
                later(() -> {
                    state.credit(tx.inputCurrency, tx.amount);
                    tx.recipientState = "refunded";
                    tx.state = "refunded";
                    webhooks.transaction("transaction.refunded", tx);
                });
            }
            return;
        }
        tx.recipientState = "success";
        tx.state = "paid";
        webhooks.transaction("transaction.paid_out", tx);
    }

    private void later(Runnable task) {
        executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("bitpesa-sim: settlement failed: " + e);
            }
        }, faults.callbackDelayMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
