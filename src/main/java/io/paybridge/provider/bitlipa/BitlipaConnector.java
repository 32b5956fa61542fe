package io.paybridge.provider.bitlipa;

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
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import io.paybridge.provider.WebhookVerifier;
import io.paybridge.provider.bitlipa.BitlipaCatalog.C2bFlow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The pan-African gateway (bitlipa.txt): collections ({@code payment_c2b}) and payouts
 * ({@code payment_b2c}) in some twenty countries through local mobile-money and bank providers,
 * status by {@code order_id}, bank lists for operators. Our payment id is always the gateway's
 * {@code order_id}, its idempotency key, so a resend can never pay twice.
 *
 * <p>The conversation is one payment call, then a {@code status} call only when needed: for
 * operators whose confirmation link comes from the status method (the document's "redirect"
 * countries), and after a 5xx, when only the status method can say whether the order exists.
 */
public final class BitlipaConnector implements Connector {
    public static final String NAME = "bitlipa";

    private final BitlipaCatalog catalog;
    private final BitlipaRules rules;
    private final BitlipaRequests requests;
    private final BitlipaResponses responses;
    private final BitlipaWebhookVerifier verifier;
    private final BitlipaCallbackReader callbacks;

    public BitlipaConnector(BitlipaSettings settings, ObjectMapper json) {
        this.catalog = BitlipaCatalog.load(json);
        this.rules = new BitlipaRules(catalog, new BitlipaRouting(catalog, settings.providerIds()));
        BitlipaSigner signer = new BitlipaSigner(settings.secretKey());
        this.requests = new BitlipaRequests(settings, signer, json);
        this.responses = new BitlipaResponses(json);
        this.verifier = new BitlipaWebhookVerifier(signer, json);
        this.callbacks = new BitlipaCallbackReader(json, responses);
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
        return rules.check(command).violations();
    }

    @Override
    public ProviderRequest initiate(PaymentCommand command) {
        return requests.payment(command, plan(command));
    }

    @Override
    public Step afterInitiation(PaymentCommand command, List<ProviderCall> calls) {
        C2bFlow flow = command.type() == PaymentType.COLLECTION ? plan(command).selection().channel().c2b().c2bFlow() : null;
        ProviderCall last = calls.get(calls.size() - 1);
        if (BitlipaRequests.STATUS.equals(last.request().operation())) {
            return Step.done(afterStatus(calls.get(0).response(), last.response(), flow));
        }
        ProviderResponse response = last.response();
        if (response.statusCode() >= 500) {
            return Step.send(requests.status(command.id())); // the order may exist: ask, never resend
        }
        if (!response.isSuccess()) {
            return Step.done(new Outcome(PaymentStatus.FAILED, null, "HTTP " + response.statusCode(),
                    BitlipaErrorMapper.http(response.statusCode()), null, null));
        }
        Outcome outcome = responses.payment(response, flow);
        boolean redirectExpected = flow == C2bFlow.REDIRECT_VIA_STATUS && outcome.status() == PaymentStatus.PENDING
                && (outcome.customerAction() == null || outcome.customerAction().redirectUrl() == null);
        return redirectExpected ? Step.send(requests.status(command.id())) : Step.done(outcome);
    }

    /** Combines the payment answer with the status answer that followed it. */
    private Outcome afterStatus(ProviderResponse payment, ProviderResponse status, C2bFlow flow) {
        Outcome first = payment.isSuccess() ? responses.payment(payment, flow) : null;
        Outcome polled = responses.status(status, flow);
        if (polled.status() == null) {
            return first != null ? first : new Outcome(PaymentStatus.NEEDS_REVIEW, null, "HTTP " + payment.statusCode(),
                    new Reason(ReasonCodes.AMBIGUOUS_OUTCOME, "the gateway answered HTTP " + payment.statusCode()
                            + " and its status method does not know the order (yet); reconciliation keeps asking",
                            "http:" + payment.statusCode()), null, null);
        }
        if (first == null) {
            return polled;
        }
        String reference = polled.providerReference() != null ? polled.providerReference() : first.providerReference();
        var action = polled.customerAction() != null ? polled.customerAction() : first.customerAction();
        return new Outcome(polled.status(), reference, polled.providerStatus(), polled.reason(), polled.fee(),
                polled.status() == PaymentStatus.PENDING ? action : null);
    }

    @Override
    public Optional<ProviderRequest> statusQuery(PaymentSnapshot payment) {
        return Optional.of(requests.status(payment.id())); // by order_id = our id, known even without an answer
    }

    @Override
    public Outcome interpretStatus(PaymentSnapshot payment, ProviderResponse response) {
        return responses.status(response, null);
    }

    @Override
    public WebhookVerifier webhookVerifier() {
        return verifier;
    }

    @Override
    public CallbackUpdate readCallback(byte[] rawBody, CallbackHeaders headers) {
        return callbacks.read(rawBody);
    }

    /** {@code banks-<provider id>} for every bank operator of the catalog (5008, 5010, 5011, 5012). */
    @Override
    public Map<String, Supplier<ProviderRequest>> operatorQueries() {
        Map<String, Supplier<ProviderRequest>> queries = new TreeMap<>();
        catalog.countries().values().forEach(country -> country.operators().stream().filter(BitlipaCatalog.Channel::bank)
                .flatMap(channel -> channel.ids().stream())
                .forEach(id -> queries.put("banks-" + id, () -> requests.banks(id))));
        return queries;
    }

    private BitlipaRules.Plan plan(PaymentCommand command) {
        BitlipaRules.Checked checked = rules.check(command);
        if (checked.plan() == null) {
            throw new IllegalStateException("gateway command " + command.id() + " breaks " + checked.violations().get(0).rule()
                    + "; check() must pass before initiate()");
        }
        return checked.plan();
    }
}
