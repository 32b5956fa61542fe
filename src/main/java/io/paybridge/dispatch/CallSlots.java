package io.paybridge.dispatch;

import io.paybridge.config.ExchangeKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;

/**
 * At most {@code paybridge.<provider>.max-concurrent-calls} HTTP calls in flight per provider,
 * across every route (dispatch, batch, reconciliation, admin). A caller beyond the cap waits its
 * turn (first come, first served): back-pressure, never a failure. A slot is held for one HTTP
 * attempt, not during the back-off between retries.
 */
public final class CallSlots {
    private final Map<String, Semaphore> slots = new HashMap<>();
    private final Map<String, Integer> caps;

    /** {@code caps}: provider → maximum calls in flight; providers not named are not capped. */
    public CallSlots(Map<String, Integer> caps) {
        this.caps = Map.copyOf(caps);
        caps.forEach((provider, cap) -> {
            if (cap <= 0) {
                throw new IllegalArgumentException("max-concurrent-calls of " + provider + " must be positive: " + cap);
            }
            slots.put(provider, new Semaphore(cap, true));
        });
    }

    /** Waits for a slot of the exchange's provider; {@link #release} (in the route's doFinally) gives it back. */
    public void acquire(Exchange exchange) throws InterruptedException {
        String provider = exchange.getProperty(ExchangeKeys.PROVIDER, String.class);
        Semaphore slot = provider == null ? null : slots.get(provider);
        if (slot != null) {
            slot.acquire();
            exchange.setProperty(ExchangeKeys.CALL_SLOT, provider);
        }
    }

    /** Safe to call whether or not a slot is held. */
    public void release(Exchange exchange) {
        String provider = (String) exchange.removeProperty(ExchangeKeys.CALL_SLOT);
        if (provider != null) {
            slots.get(provider).release();
        }
    }

    public Map<String, Integer> caps() {
        return caps;
    }

    /** Calls of {@code provider} in flight now (for the gauge). */
    public int inFlight(String provider) {
        Semaphore slot = slots.get(provider);
        return slot == null ? 0 : caps.get(provider) - slot.availablePermits();
    }
}
