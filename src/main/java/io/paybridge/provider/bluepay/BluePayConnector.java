package io.paybridge.provider.bluepay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.CustomerAction;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * BluePay (bluepay.txt): collections by M-Pesa STK push, payouts by B2C, status by our
 * reference (STK) or payout id (B2C). Our payment id is always BluePay's
 * {@code account_reference} / {@code reference}, so BluePay's own idempotency protects us too.
 */
public final class BluePayConnector implements Connector {
    public static final String NAME = "bluepay";

    private final BluePaySettings settings;
    private final BluePayAuth auth;
    private final BluePayWebhookVerifier verifier;
    private final BluePayResponses responses;
    private final BluePayCallbackReader callbacks;
    private final ObjectMapper json;

    public BluePayConnector(BluePaySettings settings, ObjectMapper json) {
        this.settings = settings;
        this.auth = new BluePayAuth(settings);
        this.verifier = new BluePayWebhookVerifier(settings.apiSecret());
        this.responses = new BluePayResponses(json);
        this.callbacks = new BluePayCallbackReader(json);
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(PaymentType type) {
        // STK push needs a dashboard channel; without one configured, BluePay serves payouts only.
        return type == PaymentType.PAYOUT || settings.channelId() != null && !settings.channelId().isBlank();
    }

    @Override
    public List<Violation> check(PaymentCommand command) {
        return BluePayRules.check(command);
    }

    @Override
    public ProviderRequest initiate(PaymentCommand command) {
        String msisdn = BluePayRules.msisdn(command.phone());
        String callbackUrl = settings.hasCallbackUrl() ? settings.callbackUrl() : null;
        if (command.type() == PaymentType.COLLECTION) {
            var body = new BluePayMessages.StkRequest(settings.channelId(), msisdn,
                    command.amount().toBigIntegerExact(), command.id(), callbackUrl);
            return ProviderRequest.post("stk-push", settings.baseUrl() + "/api/stk_push.php", auth.jsonHeaders(), bytes(body));
        }
        var body = new BluePayMessages.PayoutRequest(command.amount().toBigIntegerExact(), msisdn, command.id(),
                command.description(), callbackUrl);
        return ProviderRequest.post("b2c-payout", settings.baseUrl() + "/api/v1/b2c/payouts", auth.jsonHeaders(), bytes(body));
    }

    @Override
    public Step afterInitiation(PaymentCommand command, List<ProviderCall> calls) {
        ProviderResponse response = calls.get(calls.size() - 1).response();
        if (!response.isSuccess()) {
            return Step.done(responses.error(response));
        }
        if (command.type() == PaymentType.COLLECTION) {
            return Step.done(responses.stkAccepted(response).withCustomerAction(CustomerAction.approveOnPhone()));
        }
        return Step.done(responses.payout(response));
    }

    @Override
    public Optional<ProviderRequest> statusQuery(PaymentSnapshot payment) {
        if (payment.type() == PaymentType.COLLECTION) {
            // account_reference is our id, so this works even when the STK answer never reached us.
            return Optional.of(ProviderRequest.get("payment-status",
                    settings.baseUrl() + "/api/payment_status.php?account_reference=" + encode(payment.id()), auth.getHeaders()));
        }
        if (payment.providerReference() == null) {
            return Optional.empty(); // B2C status is by payout id only; without it BluePay cannot be asked
        }
        return Optional.of(ProviderRequest.get("payout-status",
                settings.baseUrl() + "/api/v1/b2c/payout_status?payout_id=" + encode(payment.providerReference()),
                auth.getHeaders()));
    }

    /**
     * A payout whose answer was lost has no payout id to ask about, but its {@code reference} (our
     * id) is an enforced idempotency key: resending the identical payout is the lookup (a 409
     * REFERENCE_IN_USE means BluePay holds it; an accept means the first never arrived).
     */
    @Override
    public LostAnswerLookup lostAnswerLookup(PaymentSnapshot payment) {
        if (payment.type() == PaymentType.PAYOUT && payment.providerReference() == null) {
            return new LostAnswerLookup.IdempotentResend();
        }
        return Connector.super.lostAnswerLookup(payment);
    }

    /**
     * Also reads the answer to a payout resent as a lookup: a 2xx is the payout created now, a 409
     * REFERENCE_IN_USE is BluePay holding the first one, PENDING until its callback (or, missing
     * that, reconciliation's NEEDS_REVIEW) settles it.
     */
    @Override
    public Outcome interpretStatus(PaymentSnapshot payment, ProviderResponse response) {
        if (payment.type() == PaymentType.PAYOUT && response.statusCode() == 409) {
            Outcome error = responses.error(response);
            if (ReasonCodes.DUPLICATE_REFERENCE.equals(error.reason().code())) {
                return Outcome.of(PaymentStatus.PENDING, null, error.providerStatus()).withReason(Reason.of(
                        ReasonCodes.DUPLICATE_REFERENCE, "BluePay holds a payout with this reference (its answer was lost); "
                                + "its callback decides"));
            }
            return Outcome.nothingKnown(error.providerStatus());
        }
        if (!response.isSuccess()) {
            return Outcome.nothingKnown("HTTP " + response.statusCode());
        }
        return payment.type() == PaymentType.COLLECTION ? responses.paymentStatus(response) : responses.payout(response);
    }

    @Override
    public WebhookVerifier webhookVerifier() {
        return verifier;
    }

    @Override
    public CallbackUpdate readCallback(byte[] rawBody, CallbackHeaders headers) {
        return callbacks.read(rawBody, headers);
    }

    @Override
    public Map<String, Supplier<ProviderRequest>> operatorQueries() {
        return Map.of(
                "channels", () -> ProviderRequest.get("channels", settings.baseUrl() + "/api/payment_channels.php", auth.getHeaders()),
                "balance", () -> ProviderRequest.get("balance", settings.baseUrl() + "/api/v1/b2c/wallet/balance", auth.getHeaders()));
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise BluePay request", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
