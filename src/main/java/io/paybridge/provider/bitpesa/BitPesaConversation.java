package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import io.paybridge.provider.bitpesa.BitPesaStatusMapper.SenderState;
import java.util.List;

/**
 * The payout conversation, one step per answer:
 * <pre>
 * sender-lookup ─(none)→ sender-create ─┐
 *      └─(found)────────────────────────┴→ KYC approved? ─no→ FAILED (no transaction created)
 *                                                └─yes→ transaction-create ─(201)→ debit (when funding) → PENDING
 *                                                        └─(5xx, 429, duplicate external_id)→ transaction-lookup
 * debit refused → FAILED with the debit's reason, then the unfunded transaction is cancelled
 *                 (a follow-up, {@link BitPesaCancels}, once the FAILED is recorded)
 * </pre>
 * Only {@code transaction-create} moves money, and it carries our payment id as
 * {@code external_id}; after an unclear answer the transaction is looked up by that id, and
 * created again only when the lookup proves BitPesa holds none. Safe reads answered 429/5xx are
 * asked once more with a fresh nonce.
 */
final class BitPesaConversation {
    private final BitPesaRequests requests;
    private final BitPesaResponses responses;
    private final boolean fundFromBalance;

    BitPesaConversation(BitPesaRequests requests, BitPesaResponses responses, boolean fundFromBalance) {
        this.requests = requests;
        this.responses = responses;
        this.fundFromBalance = fundFromBalance;
    }

    Step next(PaymentCommand command, BitPesaRules.Plan plan, List<ProviderCall> calls) {
        ProviderCall last = calls.get(calls.size() - 1);
        ProviderResponse response = last.response();
        JsonNode body = responses.body(response);
        return switch (last.request().operation()) {
            case BitPesaRequests.SENDER_LOOKUP -> afterSenderLookup(command, plan, calls, response, body);
            case BitPesaRequests.SENDER_CREATE -> afterSenderCreate(command, plan, calls, response, body);
            case BitPesaRequests.TRANSACTION_CREATE -> afterCreate(command, response, body);
            case BitPesaRequests.TRANSACTION_LOOKUP -> afterLookup(command, plan, calls, response, body);
            case BitPesaRequests.DEBIT -> afterDebit(calls, response, body);
            default -> Step.done(review(null, "unexpected BitPesa call " + last.request().operation()));
        };
    }

    private Step afterSenderLookup(PaymentCommand command, BitPesaRules.Plan plan, List<ProviderCall> calls,
                                   ProviderResponse response, JsonNode body) {
        if (busy(response)) {
            return count(calls, BitPesaRequests.SENDER_LOOKUP) < 2 ? Step.send(requests.senderLookup(plan.senderExternalId()))
                    : Step.done(refused(response, body, null));
        }
        if (!response.isSuccess()) {
            return Step.done(refused(response, body, null));
        }
        JsonNode sender = senderWithKey(body, plan.senderExternalId());
        if (sender != null) {
            return withSender(command, plan, sender);
        }
        if (plan.senderDetails() == null || count(calls, BitPesaRequests.SENDER_CREATE) > 0) {
            return Step.done(new Outcome(PaymentStatus.FAILED, null, "sender-not-found", Reason.of(ReasonCodes.SENDER_NOT_APPROVED,
                    "BitPesa holds no sender '" + plan.senderExternalId() + "' and the command gives no metadata.sender to create it;"
                            + " no transaction was created"), null, null));
        }
        return Step.send(requests.senderCreate(plan.senderExternalId(), plan.senderDetails()));
    }

    private Step afterSenderCreate(PaymentCommand command, BitPesaRules.Plan plan, List<ProviderCall> calls,
                                   ProviderResponse response, JsonNode body) {
        if ((busy(response) || senderTaken(response, body)) && count(calls, BitPesaRequests.SENDER_LOOKUP) < 2) {
            // It may have been created (by this call, or by a payment of the same customer at the same
            // moment, or before a crash): find it, never create it twice.
            return Step.send(requests.senderLookup(plan.senderExternalId()));
        }
        JsonNode sender = response.isSuccess() ? BitPesaResponses.first(body) : null;
        return sender != null ? withSender(command, plan, sender) : Step.done(refused(response, body, "metadata.sender."));
    }

    private Step withSender(PaymentCommand command, BitPesaRules.Plan plan, JsonNode sender) {
        String state = BitPesaResponses.text(sender, "state");
        SenderState kyc = BitPesaStatusMapper.senderState(state);
        if (!BitPesaStatusMapper.senderMayFund(kyc)) {
            return Step.done(new Outcome(PaymentStatus.FAILED, null, "sender:" + state, new Reason(ReasonCodes.SENDER_NOT_APPROVED,
                    "BitPesa sender '" + plan.senderExternalId() + "' is " + state + ", not approved: its KYC must be approved "
                            + "before it can fund a transaction; no transaction was created", "sender:" + state), null, null));
        }
        return Step.send(requests.transactionCreate(command, plan, BitPesaResponses.text(sender, "id")));
    }

    private Step afterCreate(PaymentCommand command, ProviderResponse response, JsonNode body) {
        if (response.isSuccess() && BitPesaResponses.first(body) != null) {
            return withTransaction(command, BitPesaResponses.first(body));
        }
        if (response.isSuccess() || busy(response) || response.statusCode() >= 500
                || response.statusCode() == 422 && BitPesaErrorMapper.isDuplicateExternalId(body)) {
            return Step.send(requests.transactionLookup(command.id())); // it may exist: look, never create blind
        }
        return Step.done(refused(response, body, null));
    }

    private Step afterLookup(PaymentCommand command, BitPesaRules.Plan plan, List<ProviderCall> calls,
                             ProviderResponse response, JsonNode body) {
        if (!response.isSuccess()) {
            return Step.done(review(null, "BitPesa's create answer was unclear and the lookup by external_id answered HTTP "
                    + response.statusCode() + "; reconciliation will look again"));
        }
        JsonNode tx = BitPesaResponses.first(body);
        if (tx != null) {
            return withTransaction(command, tx);
        }
        ProviderCall create = lastOf(calls, BitPesaRequests.TRANSACTION_CREATE);
        boolean duplicate = create != null && create.response().statusCode() == 422;
        if (duplicate || count(calls, BitPesaRequests.TRANSACTION_CREATE) >= 2) {
            return Step.done(review(null, "BitPesa neither created nor shows a transaction with external_id " + command.id()));
        }
        // BitPesa shows no transaction with our id: the earlier create provably did not take. Once more.
        String senderId = create == null ? null : BitPesaResponses.text(requestSender(create), "id");
        return Step.send(requests.transactionCreate(command, plan, senderId));
    }

    private Step withTransaction(PaymentCommand command, JsonNode tx) {
        Outcome outcome = BitPesaResponses.transaction(tx, false);
        String state = BitPesaResponses.text(tx, "state");
        if (fundFromBalance && "initial".equals(state) && outcome.status() == PaymentStatus.PENDING) {
            return Step.send(requests.debit(BitPesaResponses.text(tx, "id"), requests.inputCurrency(command)));
        }
        return Step.done(outcome);
    }

    private Step afterDebit(List<ProviderCall> calls, ProviderResponse response, JsonNode body) {
        String txId = transactionId(calls);
        if (response.isSuccess()) {
            return Step.done(Outcome.of(PaymentStatus.PENDING, txId, "funded"));
        }
        if (response.statusCode() == 422 || response.statusCode() == 400) {
            // Refused: nothing was debited. The cancel is a follow-up, not a step here, so FAILED
            // with the funding's reason is recorded first and BitPesa's canceled webhook cannot
            // replace "insufficient balance" with a bare cancellation.
            Reason refused = BitPesaErrorMapper.reason(response.statusCode(), body);
            return Step.done(new Outcome(PaymentStatus.FAILED, txId, BitPesaCancels.UNFUNDED, new Reason(refused.code(),
                    "BitPesa refused to fund transaction " + txId + " from the balance: " + refused.message()
                            + "; paybridge cancels the unfunded transaction", refused.providerCode()), null, null));
        }
        return Step.done(review(txId, "BitPesa's answer to funding transaction " + txId + " was HTTP " + response.statusCode()
                + "; whether it was funded is unknown"));
    }

    /** BitPesa refused the sender because one with our external_id already exists. */
    private static boolean senderTaken(ProviderResponse response, JsonNode body) {
        return response.statusCode() == 422
                && ReasonCodes.DUPLICATE_REFERENCE.equals(BitPesaErrorMapper.reason(422, body, "metadata.sender.").code());
    }

    /** The listed sender whose external_id is ours (a list filter BitPesa ignored must not pick a stranger). */
    private static JsonNode senderWithKey(JsonNode body, String externalId) {
        JsonNode list = body == null ? null : body.get("object");
        if (list == null || !list.isArray()) {
            return null;
        }
        for (JsonNode sender : list) {
            if (externalId.equals(BitPesaResponses.text(sender, "external_id"))) {
                return sender;
            }
        }
        return null;
    }

    /** The transaction id from the create or lookup answer of this conversation. */
    private String transactionId(List<ProviderCall> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            String op = calls.get(i).request().operation();
            if (BitPesaRequests.TRANSACTION_CREATE.equals(op) || BitPesaRequests.TRANSACTION_LOOKUP.equals(op)) {
                JsonNode tx = BitPesaResponses.first(responses.body(calls.get(i).response()));
                if (tx != null) {
                    return BitPesaResponses.text(tx, "id");
                }
            }
        }
        return null;
    }

    private JsonNode requestSender(ProviderCall create) {
        JsonNode sent = responses.body(new ProviderResponse(200, create.request().body()));
        return sent == null ? null : sent.path("transaction").path("sender");
    }

    private Outcome refused(ProviderResponse response, JsonNode body, String senderPrefix) {
        Reason why = BitPesaErrorMapper.reason(response.statusCode(), body, senderPrefix);
        return new Outcome(PaymentStatus.FAILED, null, "HTTP " + response.statusCode(), why, null, null);
    }

    private static Outcome review(String txId, String message) {
        return new Outcome(PaymentStatus.NEEDS_REVIEW, txId, null, Reason.of(ReasonCodes.AMBIGUOUS_OUTCOME, message), null, null);
    }

    private static boolean busy(ProviderResponse response) {
        return response.statusCode() == 429 || response.statusCode() >= 500;
    }

    private static int count(List<ProviderCall> calls, String operation) {
        return (int) calls.stream().filter(c -> operation.equals(c.request().operation())).count();
    }

    private static ProviderCall lastOf(List<ProviderCall> calls, String operation) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (operation.equals(calls.get(i).request().operation())) {
                return calls.get(i);
            }
        }
        return null;
    }
}
