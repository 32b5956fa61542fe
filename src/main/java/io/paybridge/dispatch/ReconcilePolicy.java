package io.paybridge.dispatch;

import java.time.Duration;
import java.util.Map;

/**
 * How patient reconciliation is: how long a payment may stay unsent before dispatch is retried,
 * and per provider how long it may wait on the provider before the first status query (each
 * further query waits twice as long).
 */
public record ReconcilePolicy(Duration unsentAfter, Duration defaultPollAfter, Map<String, Duration> pollAfterByProvider,
                              int batchSize) {

    public Duration pollAfter(String provider) {
        return pollAfterByProvider.getOrDefault(provider, defaultPollAfter);
    }
}
