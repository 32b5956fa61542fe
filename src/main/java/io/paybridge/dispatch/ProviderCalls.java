package io.paybridge.dispatch;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.util.Map;
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

    public ProviderCalls(ConnectorRegistry connectors, Map<String, RateLimiter> limits) {
        this.connectors = connectors;
        this.limits = limits;
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

    /** The provider kept refusing, or could not be reached, through every retry. */
    public void refused(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ProviderFailure.Kind kind = cause instanceof ProviderBusyException ? ProviderFailure.Kind.REFUSED : ProviderFailure.Kind.UNREACHABLE;
        exchange.setProperty(ExchangeKeys.PROVIDER_FAILURE, new ProviderFailure(kind, describe(cause)));
    }

    /** The request was sent and no answer came (timeout, reset): the provider may hold it. */
    public void noAnswer(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.setProperty(ExchangeKeys.PROVIDER_FAILURE, new ProviderFailure(ProviderFailure.Kind.NO_ANSWER, describe(cause)));
    }

    private static String describe(Exception cause) {
        return cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    public void capture(Exchange exchange) {
        Message m = exchange.getMessage();
        int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] body = m.getBody(byte[].class);
        ProviderResponse response = new ProviderResponse(status, body == null ? new byte[0] : body);
        exchange.setProperty(ExchangeKeys.PROVIDER_RESPONSE, response);
        String provider = exchange.getProperty(ExchangeKeys.PROVIDER, String.class);
        connectors.find(provider).filter(c -> c.isRetryable(response)).ifPresent(c -> {
            throw new ProviderBusyException(provider, status);
        });
    }
}
