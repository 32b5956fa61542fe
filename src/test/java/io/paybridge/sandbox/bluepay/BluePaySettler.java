package io.paybridge.sandbox.bluepay;

import io.paybridge.sandbox.bluepay.BluePayPhone.Outcome;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Plays M-Pesa: after the callback delay it decides each accepted payment's outcome from the
 * phone number, settles the state (so payment_status reflects it even when callbacks are
 * dropped or no URL is configured) and then hands the webhook to the sender.
 */
final class BluePaySettler implements AutoCloseable {

    private final BluePayState state;
    private final BluePayFaults faults;
    private final BluePayCallbackSender sender;
    private final Supplier<String> accountCallbackUrl;
    // Each callback is delivered synchronously; enough threads that batch runs are not paced by delivery.
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "bluepay-sim-settler");
        thread.setDaemon(true);
        return thread;
    });

    BluePaySettler(BluePayState state, BluePayFaults faults, BluePayCallbackSender sender,
                   Supplier<String> accountCallbackUrl) {
        this.state = state;
        this.faults = faults;
        this.sender = sender;
        this.accountCallbackUrl = accountCallbackUrl;
    }

    void schedule(BluePayStk stk) {
        Outcome outcome = outcomeFor(stk.phone);
        if (outcome == Outcome.NEVER_SETTLE) {
            return;
        }
        later(() -> {
            if (outcome == Outcome.SUCCEED) {
                stk.succeed(state.nextPaymentId(), BluePayJson.randomCode("S", 10), BluePayJson.nairobiNow());
            } else {
                stk.fail();
            }
            notify(stk.callbackUrl, stk.callbackEvent(), stk.callbackBody());
        });
    }

    void schedule(BluePayPayout payout) {
        Outcome outcome = outcomeFor(payout.phone);
        if (outcome == Outcome.NEVER_SETTLE) {
            return;
        }
        later(() -> {
            if (outcome == Outcome.SUCCEED) {
                payout.succeed(BluePayJson.randomCode("RKL", 10));
            } else {
                payout.fail();
                state.refundPayout(payout);
            }
            notify(payout.callbackUrl, payout.callbackEvent(), payout.callbackBody());
        });
    }

    private Outcome outcomeFor(String phone) {
        return faults.failsThisSettlement() ? Outcome.FAIL : Outcome.forPhone(phone);
    }

    private void later(Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A scheduled task's exception would vanish into its Future; make it visible.
                System.err.println("bluepay-sim: settlement failed: " + e);
            }
        };
        executor.schedule(guarded, faults.callbackDelayMillis(), TimeUnit.MILLISECONDS);
    }

    private void notify(String perRequestUrl, String event, Map<String, Object> body) {
        String url = perRequestUrl != null ? perRequestUrl : accountCallbackUrl.get();
        if (url == null || faults.dropCallbacks()) {
            return;
        }
        boolean twice = faults.duplicateCallbacks();
        long late = faults.lateCallbackMillis();
        if (late == 0) {
            sender.send(url, event, body, twice);
        } else {
            executor.schedule(() -> sender.send(url, event, body, twice), late, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
