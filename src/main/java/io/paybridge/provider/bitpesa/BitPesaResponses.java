package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.bitpesa.BitPesaStatusMapper.RecipientState;
import io.paybridge.provider.bitpesa.BitPesaStatusMapper.TransactionState;
import java.io.IOException;

/**
 * Reads BitPesa's answers ({@code {"object": {…}}} for one, {@code {"object": [ … ]}} for a
 * list) and turns a transaction into a canonical outcome.
 */
final class BitPesaResponses {
    private final ObjectMapper json;

    BitPesaResponses(ObjectMapper json) {
        this.json = json;
    }

    JsonNode body(ProviderResponse response) {
        if (response.body() == null || response.body().length == 0) {
            return null;
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** The one object of an answer: {@code object}, or the first of an {@code object} list; null when none. */
    static JsonNode first(JsonNode body) {
        JsonNode object = body == null ? null : body.get("object");
        if (object == null || object.isNull()) {
            return null;
        }
        if (object.isArray()) {
            return object.isEmpty() ? null : object.get(0);
        }
        return object.isObject() ? object : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
    }

    /** A transaction in canonical terms; {@code alreadySucceeded} tells a refund after payout (REVERSED) from a failed payout. */
    static Outcome transaction(JsonNode tx, boolean alreadySucceeded) {
        String raw = text(tx, "state");
        TransactionState state = BitPesaStatusMapper.transactionState(raw);
        PaymentStatus status = BitPesaStatusMapper.transaction(state, alreadySucceeded);
        JsonNode recipient = tx.path("recipients").path(0);
        String recipientRaw = text(recipient, "state");
        RecipientState recipientState = BitPesaStatusMapper.recipientState(recipientRaw);
        String detail = text(recipient, "state_reason") != null ? text(recipient, "state_reason") : text(tx, "state_reason");
        Outcome outcome = Outcome.of(status, text(tx, "id"), raw);
        String problem = BitPesaStatusMapper.recipientProblem(recipientState);
        if (status == PaymentStatus.PENDING && problem != null) {
            return Outcome.of(PaymentStatus.NEEDS_REVIEW, text(tx, "id"), raw).withReason(new Reason(problem, "BitPesa recipient is "
                    + recipientRaw + (detail == null ? "" : " (" + detail + ")") + "; fix or cancel the transaction at BitPesa",
                    "recipient:" + recipientRaw));
        }
        return switch (state) {
            case REFUNDED -> outcome.withReason(new Reason(ReasonCodes.DECLINED,
                    (alreadySucceeded ? "BitPesa refunded the transaction after payout" : "the payout failed and BitPesa refunded it")
                            + (detail == null ? "" : ": " + detail), raw));
            case CANCELED -> outcome.withReason(new Reason(ReasonCodes.DECLINED, "BitPesa cancelled the transaction"
                    + (detail == null ? "" : ": " + detail), raw));
            case MISPAID, MANUAL, EXCEPTION -> outcome.withReason(new Reason(ReasonCodes.PROVIDER_ERROR, "BitPesa transaction is "
                    + raw + (detail == null ? "" : " (" + detail + ")") + "; it needs attention at BitPesa", raw));
            case UNKNOWN -> outcome.withReason(new Reason(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "BitPesa state not recognised: " + raw, raw));
            default -> outcome;
        };
    }
}
