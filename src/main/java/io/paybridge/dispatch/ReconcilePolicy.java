package io.paybridge.dispatch;

import java.time.Duration;
import java.util.Map;

/**
 * How patient reconciliation is: how long a payment may stay unsent before dispatch is retried,
 * per provider how long it may wait on the provider before the first status query (each further
 * query waits twice as long), and how long a payment may stay SUBMITTED with no answer before it
 * counts as lost (its call surely over) and is looked up, perhaps resent once.
 */
public record ReconcilePolicy(Duration unsentAfter, Duration defaultPollAfter, Map<String, Duration> pollAfterByProvider,
                              int batchSize, Duration lostAnswerAfter) {

    public Duration pollAfter(String provider) {
        return pollAfterByProvider.getOrDefault(provider, defaultPollAfter);
    }
}
