package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.CallbackUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a verified BitPesa webhook {@code {"webhook", "event", "object"}}:
 * <ul>
 *   <li>{@code transaction.*}: the object is the transaction; {@code external_id} is our payment
 *       id and its state applies directly, except {@code refunded}, whose meaning (failed payout
 *       or reversal) depends on the payment's state, and a transaction whose recipient is in
 *       trouble, which may call for a cancel (follow-ups act on status answers): for those two
 *       the status API decides;</li>
 *   <li>{@code recipient.*}: only the transaction's state decides, so the event is a hint and the
 *       transaction is fetched ({@code transaction_id}) before anything is recorded;</li>
 *   <li>{@code sender.*}, {@code payout_method.*}, {@code document.*}: concern no payment.</li>
 * </ul>
 * The delivery key is event, object id and state: BitPesa's five retries of one event repeat it.
 */
final class BitPesaCallbackReader {
    private final ObjectMapper json;

    BitPesaCallbackReader(ObjectMapper json) {
        this.json = json;
    }

    CallbackUpdate read(byte[] rawBody) {
        JsonNode body;
        try {
            body = json.readTree(rawBody);
        } catch (IOException e) {
            throw new UncheckedIOException("BitPesa webhook is not JSON", e);
        }
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("BitPesa webhook is not a JSON object");
        }
        String event = BitPesaResponses.text(body, "event");
        JsonNode object = body.path("object");
        String key = event + ":" + BitPesaResponses.text(object, "id") + ":" + BitPesaResponses.text(object, "state");
        if (event == null || !object.isObject()) {
            return new CallbackUpdate(null, null, key);
        }
        if (event.startsWith("transaction.")) {
            Outcome outcome = BitPesaResponses.transaction(object, false);
            String paymentId = BitPesaResponses.text(object, "external_id");
            boolean refund = "transaction.refunded".equals(event) || "refunded".equals(BitPesaResponses.text(object, "state"));
            boolean recipientTrouble = outcome.reason() != null && outcome.reason().providerCode() != null
                    && outcome.reason().providerCode().startsWith("recipient:");
            return refund || recipientTrouble ? CallbackUpdate.toConfirm(paymentId, outcome, key) : new CallbackUpdate(paymentId, outcome, key);
        }
        if (event.startsWith("recipient.")) {
            String txId = BitPesaResponses.text(object, "transaction_id");
            Outcome hint = Outcome.of(PaymentStatus.PENDING, txId, "recipient:" + BitPesaResponses.text(object, "state"));
            return CallbackUpdate.toConfirm(BitPesaResponses.text(object, "transaction_external_id"), hint, key);
        }
        return new CallbackUpdate(null, null, key);
    }
}
