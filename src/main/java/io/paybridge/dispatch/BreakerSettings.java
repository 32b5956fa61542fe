package io.paybridge.dispatch;

import java.time.Duration;

/**
 * One provider's circuit-breaker policy ({@code paybridge.breaker.*}, overridden per provider by
 * {@code paybridge.<provider>.breaker.*}). The breaker opens when at least {@code minimumCalls} of
 * the last {@code windowCalls} provider calls were made and {@code failureRatePercent} of them got
 * no usable answer; it stays open {@code openFor}, then lets {@code halfOpenCalls} calls through to
 * decide whether to close again. A half-open breaker whose trial calls never report back re-opens
 * after {@code halfOpenMaxWait}. A new payment held by an open breaker fails after
 * {@code holdNewPaymentsFor} from its reception.
 */
public record BreakerSettings(boolean enabled, int failureRatePercent, int windowCalls, int minimumCalls, Duration openFor,
                              int halfOpenCalls, Duration halfOpenMaxWait, Duration holdNewPaymentsFor) {

    public BreakerSettings {
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("breaker failure-rate-percent must be within 1..100: " + failureRatePercent);
        }
        if (windowCalls < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
            throw new IllegalArgumentException("breaker window-calls, minimum-calls and half-open-calls must be positive");
        }
        if (openFor.isNegative() || openFor.isZero() || halfOpenMaxWait.isNegative() || holdNewPaymentsFor.isNegative()) {
            throw new IllegalArgumentException("breaker open-for must be positive, half-open-max-wait and hold-new-payments-for not negative");
        }
    }
}
