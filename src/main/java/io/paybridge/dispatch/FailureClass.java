package io.paybridge.dispatch;

import io.paybridge.provider.Connector;
import io.paybridge.provider.ProviderResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * The one place that says what a failed provider call means, so that the retry policy
 * (errors.camel.yaml), {@link ProviderCalls} and the {@link Dispatcher} all act on the same verdict.
 *
 * <ul>
 *   <li>{@link #INVALID_INPUT}: our own request is wrong (bad command, connector refused to build
 *       it); never sent, never retried, the payment fails with the rule named.</li>
 *   <li>{@link #PROVIDER_REJECTION}: a 4xx the provider meant; final, with the provider's code.</li>
 *   <li>{@link #TRANSIENT}: the provider did not take the request (429, a 5xx its connector says
 *       comes before acceptance, connection refused or never established): the same bytes may be
 *       sent again after a back-off.</li>
 *   <li>{@link #AMBIGUOUS}: the request left and no usable answer came back (read timeout, reset,
 *       any other 5xx): the provider may hold the payment, so it is looked up, never resent blind.</li>
 * </ul>
 */
public enum FailureClass {
    INVALID_INPUT, PROVIDER_REJECTION, TRANSIENT, AMBIGUOUS;

    /** What an exception thrown around a provider call means. */
    public static FailureClass of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderBusyException || neverSent(t)) {
                return TRANSIENT;
            }
            if (t instanceof IOException) {
                return AMBIGUOUS; // sent, or possibly sent: timeout, reset, no answer
            }
            if (t instanceof IllegalArgumentException) {
                return INVALID_INPUT;
            }
        }
        return AMBIGUOUS; // unknown failures are treated as the unsafe case: look, don't resend
    }

    /**
     * What an HTTP answer means; null for a 2xx. {@link Connector#isRetryable} is the connector's
     * word on which answers come before its provider accepted anything.
     */
    public static FailureClass of(Connector connector, ProviderResponse response) {
        if (response.isSuccess()) {
            return null;
        }
        if (connector != null && connector.isRetryable(response)) {
            return TRANSIENT;
        }
        int code = response.statusCode();
        return code >= 400 && code < 500 ? PROVIDER_REJECTION : AMBIGUOUS;
    }

    /** The exception on an exchange being handled by an onException clause (YAML {@code onWhen}). */
    public static boolean isTransient(Exchange exchange) {
        Throwable caught = exchange.getException();
        if (caught == null) {
            caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return caught != null && of(caught) == TRANSIENT;
    }

    /** Connecting failed: no byte of the request reached the provider. */
    private static boolean neverSent(Throwable t) {
        return t instanceof ConnectException || t instanceof ConnectTimeoutException || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException || t instanceof SSLHandshakeException;
    }
}
