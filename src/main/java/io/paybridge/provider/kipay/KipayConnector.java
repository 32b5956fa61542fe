package io.paybridge.provider.kipay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.Connector;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import io.paybridge.provider.WebhookVerifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kipay (kipay.txt). Collections only, by M-Pesa STK push ({@code mpesa/stk-push}, our id as
 * {@code reference}) or hosted checkout ({@code transactions/initialize}, PENDING with a REDIRECT
 * to {@code authorization_url}), chosen by {@link KipayRules#channel}. Kipay has no payout API.
 *
 * <p>A customer with an email is made known to Kipay first: looked up by email, created when
 * Kipay has none, then remembered ({@link KipayCustomers}), so each costs at most two calls per
 * process. These calls move no money; if one fails the payment is still sent.
 *
 * <p>Callbacks are hints: the bundle confirms each through the status API before recording.
 * Kipay allows 100 calls a minute per key; {@code paybridge.kipay.rate-limit-per-minute} makes
 * every route wait for a permit, and a 429 is retried after back-off.
 */
public final class KipayConnector implements Connector {
    public static final String NAME = "kipay";
    private static final Logger LOG = LoggerFactory.getLogger(KipayConnector.class);

    private final KipaySettings settings;
    private final KipayRequests requests;
    private final KipayResponses responses;
    private final KipayCustomers customers = new KipayCustomers();
    private final KipayWebhookVerifier verifier;
    private final KipayCallbackReader callbacks;
    private final KipayOperatorActions actions;

    public KipayConnector(KipaySettings settings, ObjectMapper json) {
        this.settings = settings;
        this.requests = new KipayRequests(new KipayAuth(settings), settings, json);
        this.responses = new KipayResponses(json);
        this.verifier = new KipayWebhookVerifier(settings.apiSecret());
        this.callbacks = new KipayCallbackReader(json);
        this.actions = new KipayOperatorActions(requests, settings, json);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Collections when a channel is configured; never payouts, which Kipay's API does not offer. */
    @Override
    public boolean supports(PaymentType type) {
        return type == PaymentType.COLLECTION && (settings.mpesaChannelId() != null || settings.checkoutChannelId() != null);
    }

    @Override
    public List<Violation> check(PaymentCommand command) {
        return KipayRules.check(command, settings);
    }

    @Override
    public ProviderRequest initiate(PaymentCommand command) {
        String email = KipayRules.email(command);
        if (email != null && customers.known(email).isEmpty()) {
            return requests.lookupCustomer(email);
        }
        return requests.payment(command);
    }

    @Override
    public Step afterInitiation(PaymentCommand command, List<ProviderCall> calls) {
        ProviderCall last = calls.get(calls.size() - 1);
        ProviderResponse response = last.response();
        String email = KipayRules.email(command);
        switch (last.request().operation()) {
            case KipayRequests.LOOKUP -> {
                Optional<Long> found = response.isSuccess() ? responses.customerWithEmail(email, response) : Optional.empty();
                if (found.isPresent()) {
                    customers.remember(email, found.get());
                    return Step.send(requests.payment(command));
                }
                if (!response.isSuccess()) {
                    LOG.warn("payment {}: Kipay customer lookup answered HTTP {}; paying without it", command.id(), response.statusCode());
                    return Step.send(requests.payment(command));
                }
                return Step.send(requests.createCustomer(command));
            }
            case KipayRequests.CREATE -> {
                Optional<Long> created = response.isSuccess() ? responses.createdCustomer(response) : Optional.empty();
                created.ifPresentOrElse(id -> customers.remember(email, id), () -> LOG.warn(
                        "payment {}: Kipay did not create the customer (HTTP {}); paying without it", command.id(), response.statusCode()));
                return Step.send(requests.payment(command));
            }
            case KipayRequests.STK_PUSH -> {
                return Step.done(response.isSuccess() ? responses.stkAccepted(response) : responses.error(response));
            }
            default -> {
                return Step.done(response.isSuccess() ? responses.initialized(response) : responses.error(response));
            }
        }
    }

    /**
     * By Kipay's reference only: Kipay generates its own references and offers no lookup by ours,
     * so a payment whose answer was lost cannot be asked about (it goes to NEEDS_REVIEW, and the
     * operator query {@code transactions} helps to find it).
     */
    @Override
    public Optional<ProviderRequest> statusQuery(PaymentSnapshot payment) {
        return payment.providerReference() == null ? Optional.empty() : Optional.of(requests.status(payment.providerReference()));
    }

    @Override
    public Outcome interpretStatus(PaymentSnapshot payment, ProviderResponse response) {
        if (!response.isSuccess()) {
            return Outcome.nothingKnown(response.statusCode() == 404 ? "NOT_FOUND" : "HTTP " + response.statusCode());
        }
        return responses.status(response);
    }

    @Override
    public WebhookVerifier webhookVerifier() {
        return verifier;
    }

    @Override
    public CallbackUpdate readCallback(byte[] rawBody, CallbackHeaders headers) {
        return callbacks.read(rawBody);
    }

    @Override
    public Map<String, Supplier<ProviderRequest>> operatorQueries() {
        return Map.of("channels", requests::channels, "transactions", () -> requests.transactions(Map.of()),
                "customers", () -> requests.customers(Map.of()));
    }

    /** {@code transactions} and {@code customers} take Kipay's list filters as query parameters. */
    @Override
    public Optional<ProviderRequest> operatorQuery(String name, Map<String, String> parameters) {
        return switch (name) {
            case "transactions" -> Optional.of(requests.transactions(parameters));
            case "customers" -> Optional.of(requests.customers(parameters));
            default -> Connector.super.operatorQuery(name, parameters);
        };
    }

    @Override
    public Map<String, Function<byte[], ProviderRequest>> operatorActions() {
        return actions.all();
    }
}
