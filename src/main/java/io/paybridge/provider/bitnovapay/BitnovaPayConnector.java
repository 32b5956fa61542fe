package io.paybridge.provider.bitnovapay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.model.Violation;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.Connector;
import io.paybridge.provider.LostAnswerLookup;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import io.paybridge.provider.WebhookVerifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BitnovaPay (bitnovapay.txt). Collections: M-Pesa through the Smart Gateway
 * ({@code POST /api/v2/payment}, the default) or Direct Pay STK to the merchant's channel
 * ({@code POST /api/v1/stk-push}); card, PayPal and crypto through the Smart Gateway, whose
 * answer is a page for the customer (the payment stays PENDING with a REDIRECT action).
 * Payouts: wallet withdrawals. Status by reference, else by the transactions listing.
 *
 * <p>BitnovaPay takes no merchant reference, so there is no idempotency key to send; our id
 * travels in {@code description} so that the listing can find a payment whose answer was lost.
 */
public final class BitnovaPayConnector implements Connector {
    public static final String NAME = "bitnovapay";
    private static final Logger LOG = LoggerFactory.getLogger(BitnovaPayConnector.class);

    private final BitnovaPaySettings settings;
    private final BitnovaPayRequests requests;
    private final BitnovaPayResponses responses;
    private final BitnovaPayWebhookVerifier verifier;
    private final BitnovaPayCallbackReader callbacks;
    private final BitnovaPayChannels channels;

    public BitnovaPayConnector(BitnovaPaySettings settings, ObjectMapper json) {
        this(settings, json, Clock.systemUTC());
    }

    /** With the clock that judges callback timestamps. */
    public BitnovaPayConnector(BitnovaPaySettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.requests = new BitnovaPayRequests(new BitnovaPayAuth(settings), json);
        this.responses = new BitnovaPayResponses(json);
        this.verifier = new BitnovaPayWebhookVerifier(settings.webhookSecret(), settings.replayWindow(), clock, json);
        this.callbacks = new BitnovaPayCallbackReader(json);
        this.channels = new BitnovaPayChannels(settings.directPayChannel());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(PaymentType type) {
        return true;
    }

    @Override
    public List<Violation> check(PaymentCommand command) {
        return BitnovaPayRules.check(command);
    }

    @Override
    public ProviderRequest initiate(PaymentCommand command) {
        String method = BitnovaPayRules.method(command);
        if (command.type() == PaymentType.PAYOUT) {
            return requests.withdrawal(command, method);
        }
        if ("mpesa".equals(method) && settings.directPay()) {
            return channels.id().map(id -> requests.stkPush(command, id)).orElseGet(requests::channels);
        }
        return requests.gatewayPayment(command, method);
    }

    @Override
    public Step afterInitiation(PaymentCommand command, List<ProviderCall> calls) {
        ProviderCall last = calls.get(calls.size() - 1);
        ProviderResponse response = last.response();
        String operation = last.request().operation();
        if (operation.equals("channels") || operation.equals("create-channel")) {
            return afterChannelCall(command, operation, response);
        }
        if (!response.isSuccess()) {
            return Step.done(responses.error(response));
        }
        return Step.done(switch (operation) {
            case "stk-push", "payment-mpesa" -> responses.stkAccepted(response);
            case "payment-card", "payment-paypal", "payment-crypto" -> responses.redirectAccepted(response);
            default -> responses.payment(response); // withdraw
        });
    }

    /** Resolving the Direct Pay channel moves no money: any failure here fails the payment before it is sent. */
    private Step afterChannelCall(PaymentCommand command, String operation, ProviderResponse response) {
        if (!response.isSuccess()) {
            Outcome error = responses.error(response);
            return Step.done(new Outcome(PaymentStatus.FAILED, null, error.providerStatus(), error.reason(), null, null));
        }
        Optional<Long> id = operation.equals("channels")
                ? responses.channelWithLabel(channels.label(), response) : responses.createdChannel(response);
        if (id.isPresent()) {
            channels.remember(id.get());
            return Step.send(requests.stkPush(command, id.get()));
        }
        if (operation.equals("channels") && settings.canCreateChannel()) {
            return Step.send(requests.createChannel(channels.label(), settings.directPayChannelType(), settings.directPayShortcode()));
        }
        String why = operation.equals("channels")
                ? "Direct Pay channel '" + channels.label() + "' is not listed at BitnovaPay and no type/shortcode is configured to create it"
                : "BitnovaPay created the Direct Pay channel but its answer carries no id";
        return Step.done(Outcome.of(PaymentStatus.FAILED, null, null).withReason(Reason.of(ReasonCodes.VALIDATION_FAILED, why)));
    }

    @Override
    public Optional<ProviderRequest> statusQuery(PaymentSnapshot payment) {
        if (payment.providerReference() != null) {
            return Optional.of(requests.status(payment));
        }
        if (payment.type() == PaymentType.COLLECTION) {
            return Optional.of(requests.transactions(BitnovaPayTransactions.newest()));
        }
        return Optional.empty(); // a withdrawal carries no description, so the listing cannot find it
    }

    @Override
    public Outcome interpretStatus(PaymentSnapshot payment, ProviderResponse response) {
        if (!response.isSuccess()) {
            return Outcome.nothingKnown(response.statusCode() == 404 ? "NOT_FOUND" : "HTTP " + response.statusCode());
        }
        return payment.providerReference() == null ? responses.listing(payment.id(), response) : responses.payment(response);
    }

    @Override
    public WebhookVerifier webhookVerifier() {
        return verifier;
    }

    @Override
    public CallbackUpdate readCallback(byte[] rawBody, CallbackHeaders headers) {
        return callbacks.read(rawBody);
    }

    /**
     * BitnovaPay says "try again" for 429 and 500, but only a 429 certainly comes before it took
     * the request. With no idempotency key to protect a resend, a 500 is an ambiguous answer: the
     * payment is looked up (the listing, for a collection) and goes to NEEDS_REVIEW unless found,
     * never sent again blind.
     */
    @Override
    public boolean isRetryable(ProviderResponse response) {
        return response.statusCode() == 429;
    }

    @Override
    public LostAnswerLookup lostAnswerLookup(PaymentSnapshot payment) {
        if (payment.providerReference() == null && payment.type() == PaymentType.PAYOUT) {
            return new LostAnswerLookup.None("BitnovaPay takes no reference of ours and a withdrawal carries no description "
                    + "to find it by");
        }
        return Connector.super.lostAnswerLookup(payment);
    }

    @Override
    public List<ProviderRequest> startupRequests() {
        return settings.hasWebhookUrl() ? List.of(requests.registerWebhook(settings.webhookUrl())) : List.of();
    }

    @Override
    public void startupAnswered(ProviderRequest request, ProviderResponse response) {
        if (!response.isSuccess()) {
            LOG.error("BitnovaPay webhook registration failed: {}; callbacks will be refused unless "
                    + "paybridge.bitnovapay.webhook-secret is set", responses.error(response).reason().message());
            return;
        }
        BitnovaPayMessages.WebhookRegistration registration = responses.registration(response);
        if (registration != null && registration.secret() != null && !registration.secret().isBlank()) {
            verifier.learn(registration.secret());
            LOG.info("BitnovaPay webhook {} registered for {}", registration.id(), registration.events());
        } else if (!verifier.knowsASecret()) {
            LOG.error("BitnovaPay registered the webhook but returned no secret (it gives it only once); "
                    + "set paybridge.bitnovapay.webhook-secret or callbacks will be refused");
        }
    }

    @Override
    public Map<String, Supplier<ProviderRequest>> operatorQueries() {
        return Map.of("channels", requests::channels, "balance", requests::balance,
                "transactions", () -> requests.transactions(BitnovaPayTransactions.from(Map.of())), "webhooks", requests::webhooks);
    }

    /** {@code transactions} takes BitnovaPay's filters (status, module, method, page, per_page). */
    @Override
    public Optional<ProviderRequest> operatorQuery(String name, Map<String, String> parameters) {
        if ("transactions".equals(name)) {
            return Optional.of(requests.transactions(BitnovaPayTransactions.from(parameters)));
        }
        return Connector.super.operatorQuery(name, parameters);
    }
}
