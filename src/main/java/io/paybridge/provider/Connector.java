package io.paybridge.provider;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One provider, spoken exactly as its documentation says. Connectors build requests and read
 * answers; they never perform I/O themselves, so Camel owns the HTTP calls, retries and metrics.
 */
public interface Connector {

    /** The provider's name as used in commands, configuration and callback paths. */
    String name();

    /** Whether the provider offers this kind of payment at all. */
    boolean supports(PaymentType type);

    /** The provider's own rules (limits, currency, phone format) that this command breaks. */
    List<Violation> check(PaymentCommand command);

    /** The signed request that starts the payment. Call only after {@link #check} found nothing. */
    ProviderRequest initiate(PaymentCommand command);

    /** Maps the answer to {@link #initiate} to a canonical outcome. */
    Outcome interpretInitiation(PaymentCommand command, ProviderResponse response);

    /** A status query for a payment already sent, if the provider can be asked about it. */
    Optional<ProviderRequest> statusQuery(PaymentSnapshot payment);

    /** Maps the answer to {@link #statusQuery}. */
    Outcome interpretStatus(PaymentSnapshot payment, ProviderResponse response);

    /** Checks a callback's authenticity from its raw bytes. */
    WebhookVerifier webhookVerifier();

    /** Reads a callback that {@link #webhookVerifier()} accepted. */
    CallbackUpdate readCallback(byte[] rawBody, CallbackHeaders headers);

    /**
     * Whether this answer means the provider did not accept the request and it may be sent again
     * (rate limited, unavailable before accepting). Default: 429 and 503.
     */
    default boolean isRetryable(ProviderResponse response) {
        return response.statusCode() == 429 || response.statusCode() == 503;
    }

    /** Read-only provider queries an operator may run (channel listing, balances), by name. */
    default Map<String, Supplier<ProviderRequest>> operatorQueries() {
        return Map.of();
    }
}
