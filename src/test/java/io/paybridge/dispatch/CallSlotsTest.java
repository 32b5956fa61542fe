package io.paybridge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paybridge.config.ExchangeKeys;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A capped provider lets N calls in; the next waits until one gives its slot back; releasing twice gives back once. */
class CallSlotsTest {
    final DefaultCamelContext camel = new DefaultCamelContext();
    final CallSlots slots = new CallSlots(Map.of("kipay", 2));

    @Test
    void theCallBeyondTheCapWaitsForASlot() throws Exception {
        Exchange a = call("kipay");
        Exchange b = call("kipay");
        slots.acquire(a);
        slots.acquire(b);
        assertThat(slots.inFlight("kipay")).isEqualTo(2);
        Exchange c = call("kipay");
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                slots.acquire(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !third.isDone());
        slots.release(a);
        slots.release(a);
        third.get();
        assertThat(slots.inFlight("kipay")).isEqualTo(2);
        slots.release(b);
        slots.release(c);
        assertThat(slots.inFlight("kipay")).isZero();
    }

    @Test
    void uncappedProvidersNeverWait() throws Exception {
        Exchange e = call("bluepay");
        slots.acquire(e);
        assertThat(e.getProperty(ExchangeKeys.CALL_SLOT)).isNull();
        slots.release(e);
        assertThat(slots.inFlight("bluepay")).isZero();
    }

    @Test
    void aCapMustBePositive() {
        assertThatThrownBy(() -> new CallSlots(Map.of("kipay", 0))).hasMessageContaining("kipay");
    }

    private Exchange call(String provider) {
        Exchange e = new DefaultExchange(camel);
        e.setProperty(ExchangeKeys.PROVIDER, provider);
        return e;
    }
}
