package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * BitPesa (bitpesa.txt, NOTES.md): cross-border payouts as transactions with one recipient,
 * created for a KYC-approved sender that is found or created once per ERP customer, funded from
 * the merchant's balance, followed by webhooks and {@code GET /v1/transactions/{id}}. Our payment
 * id is the transaction's {@code external_id}, so a payment is never created twice.
 *
 * <p>A transaction whose recipient errored puts the payment in NEEDS_REVIEW with the recipient's
 * reason. When the command asks for it ({@code options.cancelOnRecipientError}) the bundle cancels
 * the transaction once as a follow-up ({@link BitPesaCancels}); otherwise an operator cancels it with
 * {@code POST /admin/providers/bitpesa/cancel-transaction} ({@code {"transaction_id": …}}), and
 * BitPesa's {@code transaction.canceled} webhook then settles the payment. A transaction whose
 * funding was refused is cancelled the same way, after the payment was recorded FAILED.
 */
public final class BitPesaConnector implements Connector {
    public static final String NAME = "bitpesa";

    private final BitPesaRules rules;
    private final BitPesaRequests requests;
    private final BitPesaResponses responses;
    private final BitPesaConversation conversation;
    private final BitPesaWebhookVerifier verifier;
    private final BitPesaCallbackReader callbacks;
    private final BitPesaCancels cancels;
    private final boolean fundsItsTransactions;

    public BitPesaConnector(BitPesaSettings settings, ObjectMapper json) {
        this(settings, json, new BitPesaAuth(settings.apiKey(), settings.apiSecret()));
    }

    BitPesaConnector(BitPesaSettings settings, ObjectMapper json, BitPesaAuth auth) {
        this.rules = new BitPesaRules(BitPesaPayoutMethods.load(json), new BitPesaSenders(settings.defaultSenderExternalId()));
        this.requests = new BitPesaRequests(settings, auth, json);
        this.responses = new BitPesaResponses(json);
        this.conversation = new BitPesaConversation(requests, responses, settings.fundFromBalance());
        this.verifier = new BitPesaWebhookVerifier(auth, settings.callbackPublicUrl());
        this.callbacks = new BitPesaCallbackReader(json);
        this.cancels = new BitPesaCancels(requests);
        this.fundsItsTransactions = settings.fundFromBalance();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(PaymentType type) {
        return type == PaymentType.PAYOUT;
    }

    @Override
    public List<Violation> check(PaymentCommand command) {
        return rules.check(command).violations();
    }

    /** Starts by finding the sender: everything else depends on who it is and on its KYC state. */
    @Override
    public ProviderRequest initiate(PaymentCommand command) {
        return requests.senderLookup(plan(command).senderExternalId());
    }

    @Override
    public Step afterInitiation(PaymentCommand command, List<ProviderCall> calls) {
        return conversation.next(command, plan(command), calls);
    }

    /**
     * Nonces make every request unique: a resend of the same signed bytes would reuse one, so
     * nothing is resent as is; the conversation asks again with a fresh request instead.
     */
    @Override
    public boolean isRetryable(ProviderResponse response) {
        return false;
    }

    @Override
    public Optional<ProviderRequest> statusQuery(PaymentSnapshot payment) {
        return Optional.of(payment.providerReference() != null ? requests.transactionGet(payment.providerReference())
                : requests.transactionLookup(payment.id()));
    }

    @Override
    public Outcome interpretStatus(PaymentSnapshot payment, ProviderResponse response) {
        if (!response.isSuccess()) {
            return Outcome.nothingKnown("HTTP " + response.statusCode());
        }
        JsonNode tx = BitPesaResponses.first(responses.body(response));
        if (tx == null) {
            return Outcome.unknownToProvider("not-found"); // no transaction with our external_id: it was never created
        }
        Outcome outcome = BitPesaResponses.transaction(tx, payment.status() == PaymentStatus.SUCCEEDED);
        if (fundsItsTransactions && outcome.status() == PaymentStatus.PENDING && "initial".equals(BitPesaResponses.text(tx, "state"))) {
            // This bundle debits every transaction it creates in the same conversation, so one still unfunded
            // when polled was left between create and debit (the process died): nobody will ever fund it.
            return Outcome.of(PaymentStatus.NEEDS_REVIEW, BitPesaResponses.text(tx, "id"), "initial").withReason(new Reason(
                    ReasonCodes.AMBIGUOUS_OUTCOME, "BitPesa holds the transaction unfunded (state initial): fund it or cancel it at BitPesa",
                    "initial"));
        }
        return outcome;
    }

    /** The cancel answer is the transaction as it now stands, so {@link #interpretStatus} reads it. */
    @Override
    public Optional<ProviderRequest> followUp(PaymentCommand command, PaymentSnapshot payment, Outcome outcome) {
        return cancels.after(command, payment, outcome);
    }

    @Override
    public boolean makesFollowUps() {
        return true;
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
        return Map.of("accounts", requests::accounts);
    }

    /** {@code cancel-transaction} with {@code {"transaction_id": "<BitPesa transaction id>"}}: the payment's provider reference. */
    @Override
    public Map<String, Function<byte[], ProviderRequest>> operatorActions() {
        return Map.of(BitPesaRequests.CANCEL, body -> requests.cancel(transactionId(body)));
    }

    private String transactionId(byte[] body) {
        JsonNode given = responses.body(new ProviderResponse(200, body));
        String id = BitPesaResponses.text(given, "transaction_id");
        if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("transaction_id (the payment's providerReference) is required");
        }
        return id;
    }

    private BitPesaRules.Plan plan(PaymentCommand command) {
        BitPesaRules.Checked checked = rules.check(command);
        if (checked.plan() == null) {
            throw new IllegalStateException("BitPesa command " + command.id() + " breaks " + checked.violations().get(0).rule()
                    + "; check() must pass before initiate()");
        }
        return checked.plan();
    }
}
