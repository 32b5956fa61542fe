package io.paybridge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderResponse;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The answer side of a provider call: what is retried, and how long Camel waits before it. */
class ProviderCallsTest {
    private final RetryBackoff backoff = new RetryBackoff(3, Duration.ofMillis(500), Duration.ofSeconds(10),
            Duration.ofSeconds(15), Clock.systemUTC(), () -> 1.0);
    private final ProviderCalls calls = new ProviderCalls(new ConnectorRegistry().register(new FakeConnector()), Map.of(), backoff);

    @Test
    void aRetryableAnswerIsRetriedAfterTheProvidersRetryAfter() {
        Exchange exchange = answered(429);
        exchange.getMessage().setHeader("Retry-After", "2");
        assertThatThrownBy(() -> calls.capture(exchange)).isInstanceOf(ProviderBusyException.class);
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(2000L);
    }

    @Test
    void withoutRetryAfterTheWaitGrowsWithTheAttempt() {
        Exchange exchange = answered(503);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 2);
        assertThatThrownBy(() -> calls.capture(exchange)).isInstanceOf(ProviderBusyException.class);
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(2000L);
    }

    @Test
    void anAmbiguousOrRejectedAnswerIsKeptForTheConnectorNeverRetried() {
        for (int status : new int[] {500, 502, 504, 400, 409}) {
            Exchange exchange = answered(status);
            calls.capture(exchange);
            assertThat(exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class).statusCode()).isEqualTo(status);
            assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isNull();
        }
    }

    @Test
    void aFailureAfterSendingIsRecordedAsNoAnswer() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new SocketTimeoutException("Read timed out"));
        calls.failed(exchange);
        ProviderFailure failure = exchange.getProperty(ExchangeKeys.PROVIDER_FAILURE, ProviderFailure.class);
        assertThat(failure.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
    }

    private static Exchange answered(int status) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(ExchangeKeys.PROVIDER, "fake");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(new byte[0]);
        return exchange;
    }
}
