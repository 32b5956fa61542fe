package io.paybridge.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/**
 * How long to wait before sending a {@link FailureClass#TRANSIENT} request again: exponential
 * from {@code first} (doubling per attempt, at most {@code max}) with "equal jitter" (a random
 * half of the step), so that replicas retrying the same outage do not hit the provider in step.
 * A provider's {@code Retry-After} (seconds or an HTTP-date) replaces the computed wait, capped
 * by {@code maxRetryAfter} so a provider cannot park a dispatch thread for an hour.
 *
 * <p>It is also Camel's redelivery policy for failures that carry no answer (connection refused),
 * so every retry of a provider call waits by the same rule.
 */
public final class RetryBackoff extends RedeliveryPolicy {
    private final Duration first;
    private final Duration max;
    private final Duration maxRetryAfter;
    private final transient Clock clock;
    private final transient DoubleSupplier random;

    public RetryBackoff(int maxRetries, Duration first, Duration max, Duration maxRetryAfter, Clock clock, DoubleSupplier random) {
        this.first = first;
        this.max = max;
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
        this.random = random;
        setMaximumRedeliveries(maxRetries);
        setRedeliveryDelay(first.toMillis());
        setMaximumRedeliveryDelay(Math.max(max.toMillis(), maxRetryAfter.toMillis()));
        setRetryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN);
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt, Optional<String> retryAfter) {
        Optional<Duration> asked = retryAfter.flatMap(this::parseRetryAfter);
        if (asked.isPresent()) {
            return asked.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked.get();
        }
        long step = first.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(step, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + Math.round(random.getAsDouble() * (capped - half)));
    }

    /** A {@code Retry-After} value: delta-seconds or an IMF-fixdate; empty when unreadable or negative. */
    Optional<Duration> parseRetryAfter(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(maxRetryAfter);
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** Camel's own hook, used when the failure carried no answer to read a {@code Retry-After} from. */
    @Override
    public long calculateRedeliveryDelay(long previousDelay, int redeliveryCounter) {
        return delay(redeliveryCounter, Optional.empty()).toMillis();
    }
}
