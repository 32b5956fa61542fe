package io.paybridge.dispatch;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Message;

/**
 * Puts a {@link ProviderRequest} on the message for camel-http and reads the answer back. The
 * request is re-loaded from its exchange property on every attempt, so a retry sends exactly
 * the bytes that were signed, never a previous answer. Calls to a rate-limited provider wait
 * for a permit first.
 */
public final class ProviderCalls {
    private final ConnectorRegistry connectors;
    private final Map<String, RateLimiter> limits;
    private final RetryBackoff backoff;

    public ProviderCalls(ConnectorRegistry connectors, Map<String, RateLimiter> limits, RetryBackoff backoff) {
        this.connectors = connectors;
        this.limits = limits;
        this.backoff = backoff;
    }

    public void load(Exchange exchange) throws InterruptedException {
        exchange.removeProperty(ExchangeKeys.PROVIDER_RESPONSE);
        exchange.removeProperty(ExchangeKeys.PROVIDER_FAILURE);
        ProviderRequest request = exchange.getProperty(ExchangeKeys.PROVIDER_REQUEST, ProviderRequest.class);
        RateLimiter limiter = limits.get(exchange.getProperty(ExchangeKeys.PROVIDER, String.class));
        if (limiter != null) {
            limiter.acquire();
        }
        Message m = exchange.getMessage();
        // Nothing of the inbound message (Kafka, REST) may leak to the provider; only the
        // redelivery bookkeeping stays, or retries would never count up to their limit.
        m.removeHeaders("*", Exchange.REDELIVERY_COUNTER, Exchange.REDELIVERY_MAX_COUNTER, Exchange.REDELIVERED);
        // The enum camel-http asks for: a String here cost a type-converter search on every call
        // (about an eighth of the CPU of a batch run, JFR in docs/performance.md).
        m.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        m.setHeader(Exchange.HTTP_URI, request.url());
        request.headers().forEach(m::setHeader);
        m.setBody(request.body());
    }

    /**
     * The call failed through every retry: {@link FailureClass} says whether the provider never
     * took it (refused, unreachable) or may hold it (no answer after sending).
     */
    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.setProperty(ExchangeKeys.PROVIDER_FAILURE, ProviderFailure.of(cause));
    }

    public void capture(Exchange exchange) {
        Message m = exchange.getMessage();
        int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] body = m.getBody(byte[].class);
        ProviderResponse response = new ProviderResponse(status, body == null ? new byte[0] : body);
        exchange.setProperty(ExchangeKeys.PROVIDER_RESPONSE, response);
        String provider = exchange.getProperty(ExchangeKeys.PROVIDER, String.class);
        if (FailureClass.of(connectors.find(provider).orElse(null), response) == FailureClass.TRANSIENT) {
            // Camel's redelivery reads its wait from this header: the provider's Retry-After wins.
            int attempt = m.getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
            Optional<String> retryAfter = Optional.ofNullable(m.getHeader("Retry-After", String.class));
            m.setHeader(Exchange.REDELIVERY_DELAY, backoff.delay(attempt, retryAfter).toMillis());
            throw new ProviderBusyException(provider, status);
        }
    }
}
