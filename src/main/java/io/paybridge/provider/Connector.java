package io.paybridge.provider;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

    /**
     * The first signed request towards starting the payment. Call only after {@link #check}
     * found nothing. Build every request fresh (nonces, timestamps), never cache one.
     */
    ProviderRequest initiate(PaymentCommand command);

    /**
     * After each answer while starting a payment: the next request to send, or the outcome.
     * {@code calls} holds every request of this conversation with its answer, oldest first. A
     * one-call provider answers {@link Step#done} on the first answer; a provider that needs a
     * sender, customer or funding call sends it here. Only one request of the conversation may
     * move money, and that request must carry our payment id as the provider's idempotency key.
     */
    Step afterInitiation(PaymentCommand command, List<ProviderCall> calls);

    /** A status query for a payment already sent, if the provider can be asked about it. */
    Optional<ProviderRequest> statusQuery(PaymentSnapshot payment);

    /**
     * Maps the answer to {@link #statusQuery} (and to a {@link LostAnswerLookup}). A lookup by our
     * own reference that proves the provider never received the payment answers
     * {@link Outcome#unknownToProvider}; an answer that cannot tell answers a null status.
     */
    Outcome interpretStatus(PaymentSnapshot payment, ProviderResponse response);

    /**
     * A call the bundle itself makes because of what the provider just said (for example
     * cancelling a payout whose recipient errored when the command asked for it). Asked after
     * the outcome of a payment's start and after every status answer, including those that
     * confirm a callback; {@code payment} is the ledger's state once {@code outcome} was applied.
     * The request is sent at most once per payment and operation (the ledger records it first),
     * and its answer is read with {@link #interpretStatus}, so it must describe the payment.
     * Default: none.
     */
    default Optional<ProviderRequest> followUp(PaymentCommand command, PaymentSnapshot payment, Outcome outcome) {
        return Optional.empty();
    }

    /**
     * Whether {@link #followUp} can ever ask for a call. False (the default) spares every payment
     * of this provider the ledger read the question needs; a connector overriding
     * {@code followUp} says true.
     */
    default boolean makesFollowUps() {
        return false;
    }

    /**
     * How to find out whether the provider holds a payment whose answer was lost. Default: the
     * {@link #statusQuery} if there is one, else nothing can be learnt.
     */
    default LostAnswerLookup lostAnswerLookup(PaymentSnapshot payment) {
        return statusQuery(payment).<LostAnswerLookup>map(LostAnswerLookup.Query::new)
                .orElseGet(() -> new LostAnswerLookup.None(name() + " offers no status query by our reference"));
    }

    /** Checks a callback's authenticity from its raw bytes. */
    WebhookVerifier webhookVerifier();

    /**
     * Reads a callback that {@link #webhookVerifier()} accepted. A provider whose callbacks are
     * only hints returns an update with {@code confirm} set: the ledger then applies the answer
     * of {@link #statusQuery} instead of the callback's own claim.
     */
    CallbackUpdate readCallback(byte[] rawBody, CallbackHeaders headers);

    /**
     * Requests to make once at start-up (for example registering a webhook), in order; each
     * answer is handed to {@link #startupAnswered}. Default: none.
     */
    default List<ProviderRequest> startupRequests() {
        return List.of();
    }

    /** Receives the answer to a {@link #startupRequests} call (for example a webhook secret to keep). */
    default void startupAnswered(ProviderRequest request, ProviderResponse response) {
    }

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

    /**
     * A read-only query by name with the operator's parameters (filters, page). Default: the
     * {@link #operatorQueries} entry, parameters ignored. A connector whose queries take filters
     * overrides this and throws {@link IllegalArgumentException} naming a parameter it refuses.
     */
    default Optional<ProviderRequest> operatorQuery(String name, Map<String, String> parameters) {
        Supplier<ProviderRequest> query = operatorQueries().get(name);
        return query == null ? Optional.empty() : Optional.of(query.get());
    }

    /**
     * Operations with effects at the provider that only an operator starts, never the bundle
     * itself (for example Kipay's C2B URL registration and its sandbox-only C2B simulation), by
     * name. Each builds its request from the operator's raw JSON body and throws
     * {@link IllegalArgumentException} naming what is wrong with it.
     */
    default Map<String, Function<byte[], ProviderRequest>> operatorActions() {
        return Map.of();
    }
}
