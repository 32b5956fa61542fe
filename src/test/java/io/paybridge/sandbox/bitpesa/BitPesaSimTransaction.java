package io.paybridge.sandbox.bitpesa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** One transaction with its one recipient, as BitPesa holds it; states change on the settler's thread. */
final class BitPesaSimTransaction {
    final String id;
    final String recipientId;
    final String externalId;
    final String senderId;
    final String inputCurrency;
    final BigDecimal amount;
    final String currency;
    final ObjectNode payoutMethod;
    final ObjectNode metadata;
    volatile String state = "initial";
    volatile String recipientState = "initial";
    volatile String recipientReason;
    volatile boolean funded;

    BitPesaSimTransaction(String id, String recipientId, String externalId, String senderId, String inputCurrency, BigDecimal amount,
                          String currency, ObjectNode payoutMethod, ObjectNode metadata) {
        this.id = id;
        this.recipientId = recipientId;
        this.externalId = externalId;
        this.senderId = senderId;
        this.inputCurrency = inputCurrency;
        this.amount = amount;
        this.currency = currency;
        this.payoutMethod = payoutMethod;
        this.metadata = metadata;
    }

    /** The recipient's phone or account, whose last digits script the outcome. */
    String destination() {
        String phone = BitPesaSimJson.text(payoutMethod.path("details"), "phone_number");
        return phone != null ? phone : String.valueOf(BitPesaSimJson.text(payoutMethod.path("details"), "bank_account"));
    }

    ObjectNode json() {
        ObjectNode tx = BitPesaSimJson.MAPPER.createObjectNode();
        tx.put("id", id);
        tx.put("state", state);
        tx.put("input_currency", inputCurrency);
        tx.put("input_amount", amount);
        tx.putObject("sender").put("id", senderId);
        tx.putArray("recipients").add(recipientJson());
        tx.set("metadata", metadata);
        tx.put("external_id", externalId);
        tx.putObject("errors");
        return tx;
    }

    ObjectNode recipientJson() {
        ObjectNode r = BitPesaSimJson.MAPPER.createObjectNode();
        r.put("id", recipientId);
        r.put("state", recipientState);
        r.put("state_reason", recipientReason);
        r.put("requested_amount", amount);
        r.put("requested_currency", currency);
        r.put("type", "person");
        r.set("payout_method", payoutMethod);
        r.put("transaction_id", id);
        r.put("transaction_external_id", externalId);
        r.put("transaction_state", state);
        return r;
    }
}
