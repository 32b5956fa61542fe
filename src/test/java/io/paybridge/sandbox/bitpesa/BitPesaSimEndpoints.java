package io.paybridge.sandbox.bitpesa;

import static io.paybridge.sandbox.bitpesa.BitPesaSimJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Senders, transactions, account debits and accounts, with BitPesa's validation as 422
 * {@code object.errors}. Simplification: a transaction's input amount equals its requested amount
 * (no exchange rates), so the input currency must be the payout currency.
 */
final class BitPesaSimEndpoints {
    /** Payout methods this simulator pays, with the phone prefix and mobile providers each accepts. */
    private static final Map<String, List<String>> MOBILE = Map.of(
            "KES::Mobile", List.of("+254", "mpesa"),
            "UGX::Mobile", List.of("+256", "airtel", "mtn"),
            "GHS::Mobile", List.of("+233", "airteltigo", "mtn", "vodafone"));

    private final BitPesaSimState state;
    private final BitPesaFaults faults;
    private final BitPesaSimSettler settler;
    private final boolean autoApproveSenders;

    BitPesaSimEndpoints(BitPesaSimState state, BitPesaFaults faults, BitPesaSimSettler settler, boolean autoApproveSenders) {
        this.state = state;
        this.faults = faults;
        this.settler = settler;
        this.autoApproveSenders = autoApproveSenders;
    }

    ObjectNode listSenders(String externalId) {
        ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("object");
        state.senders.values().stream().filter(s -> externalId == null || externalId.equals(text(s, "external_id"))).forEach(list::add);
        return body;
    }

    synchronized ObjectNode createSender(JsonNode request) {
        JsonNode given = request.path("sender");
        ObjectNode sender = given.isObject() ? ((ObjectNode) given).deepCopy() : BitPesaSimJson.MAPPER.createObjectNode();
        for (String field : List.of("first_name", "last_name", "email", "country")) {
            if (text(sender, field) == null) {
                throw BitPesaSimError.validation(sender, field, "blank");
            }
        }
        String externalId = text(sender, "external_id");
        if (externalId != null && state.senderByExternalId(externalId) != null) {
            throw BitPesaSimError.validation(sender, "external_id", "taken");
        }
        sender.put("id", UUID.randomUUID().toString());
        String preset = externalId == null ? null : state.presetSenderStates.get(externalId);
        sender.put("state", preset != null ? preset : autoApproveSenders ? "approved" : "initial");
        state.senders.put(sender.get("id").asText(), sender);
        return wrap(sender);
    }

    synchronized ObjectNode createTransaction(JsonNode request) {
        JsonNode tx = request.path("transaction");
        ObjectNode echo = tx.isObject() ? ((ObjectNode) tx).deepCopy() : BitPesaSimJson.MAPPER.createObjectNode();
        String senderId = text(tx.path("sender"), "id");
        ObjectNode sender = senderId == null ? null : state.senders.get(senderId);
        if (sender == null) {
            throw BitPesaSimError.validation(echo, "sender", "invalid");
        }
        String externalId = text(tx, "external_id");
        if (externalId != null && !state.byExternalId(externalId).isEmpty()) {
            throw BitPesaSimError.validation(echo, "external_id", "taken");
        }
        JsonNode recipients = tx.path("recipients");
        if (!recipients.isArray() || recipients.size() != 1) {
            throw BitPesaSimError.validation(echo, "recipients", "one recipient per transaction in this simulator");
        }
        JsonNode recipient = recipients.get(0);
        JsonNode amount = recipient.get("requested_amount");
        if (amount == null || !amount.isNumber() || amount.decimalValue().signum() <= 0) {
            throw BitPesaSimError.validation(echo, "requested_amount", "invalid");
        }
        String currency = text(recipient, "requested_currency");
        if (!currency.equals(text(tx, "input_currency"))) {
            throw BitPesaSimError.validation(echo, "input_currency", "unsupported");
        }
        ObjectNode method = (ObjectNode) recipient.path("payout_method");
        validateMethod(echo, currency, method);
        BitPesaSimTransaction created = new BitPesaSimTransaction(UUID.randomUUID().toString(), UUID.randomUUID().toString(), externalId,
                senderId, currency, amount.decimalValue(), currency, method.deepCopy(),
                tx.path("metadata").isObject() ? ((ObjectNode) tx.get("metadata")).deepCopy() : BitPesaSimJson.MAPPER.createObjectNode());
        state.transactions.put(created.id, created);
        if (externalId != null) {
            state.countCreate(externalId);
        }
        if (faults.shouldFailAfterCreate()) {
            throw BitPesaSimError.of(500, "Internal Server Error");
        }
        return wrap(created.json());
    }

    private static void validateMethod(ObjectNode echo, String currency, ObjectNode method) {
        String type = text(method, "type");
        JsonNode details = method.path("details");
        if (type == null || !type.startsWith(currency + "::") || !(MOBILE.containsKey(type) || "NGN::Bank".equals(type))) {
            throw BitPesaSimError.validation(echo, "payout_method", "invalid");
        }
        for (String name : List.of("first_name", "last_name")) {
            if (text(details, name) == null) {
                throw BitPesaSimError.validation(echo, name, "blank");
            }
        }
        if ("NGN::Bank".equals(type)) {
            if (text(details, "bank_code") == null) {
                throw BitPesaSimError.validation(echo, "bank_code", "blank");
            }
            String account = text(details, "bank_account");
            if (account == null || !account.matches("\\d{10}")) {
                throw BitPesaSimError.validation(echo, "bank_account", "invalid");
            }
            return;
        }
        List<String> rules = MOBILE.get(type);
        String phone = text(details, "phone_number");
        if (phone == null || !phone.matches("\\+\\d{10,15}") || !phone.startsWith(rules.get(0))) {
            throw BitPesaSimError.validation(echo, "phone_number", "invalid");
        }
        String provider = text(details, "mobile_provider");
        if (provider != null && !rules.subList(1, rules.size()).contains(provider)) {
            throw BitPesaSimError.validation(echo, "mobile_provider", "invalid");
        }
        if ("KES::Mobile".equals(type) && text(details, "transfer_reason") == null) {
            throw BitPesaSimError.validation(echo, "transfer_reason", "blank");
        }
    }

    ObjectNode getTransaction(String id) {
        BitPesaSimTransaction tx = state.transactions.get(id);
        if (tx == null) {
            throw BitPesaSimError.of(404, "Transaction not found");
        }
        return wrap(tx.json());
    }

    ObjectNode listTransactions(String externalId) {
        ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("object");
        state.transactions.values().stream().filter(t -> externalId == null || externalId.equals(t.externalId))
                .forEach(t -> list.add(t.json()));
        return body;
    }

    /** Only an unfunded transaction, or one whose recipient errored, may be cancelled. */
    synchronized ObjectNode cancel(String id) {
        BitPesaSimTransaction tx = state.transactions.get(id);
        if (tx == null) {
            throw BitPesaSimError.of(404, "Transaction not found");
        }
        state.countCancel(tx.externalId);
        boolean cancellable = "initial".equals(tx.state) || "error".equals(tx.recipientState) && !"refunded".equals(tx.state);
        if (!cancellable) {
            throw BitPesaSimError.validation(tx.json(), "state", "cannot_cancel");
        }
        settler.cancel(tx);
        return wrap(tx.json());
    }

    synchronized ObjectNode debit(JsonNode request) {
        JsonNode debit = request.path("debit");
        BitPesaSimTransaction tx = state.transactions.get(String.valueOf(text(debit, "to_id")));
        ObjectNode echo = debit.isObject() ? ((ObjectNode) debit).deepCopy() : BitPesaSimJson.MAPPER.createObjectNode();
        if (tx == null || !"Transaction".equals(text(debit, "to_type"))) {
            throw BitPesaSimError.validation(echo, "to_id", "invalid");
        }
        String currency = text(debit, "currency");
        if (currency != null && !currency.equals(tx.inputCurrency)) {
            throw BitPesaSimError.validation(echo, "currency", "invalid");
        }
        if (tx.funded || !"initial".equals(tx.state)) {
            throw BitPesaSimError.validation(echo, "to_id", "already_funded");
        }
        if (faults.shouldRefuseDebit() || !state.debit(tx.inputCurrency, tx.amount)) {
            ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
            echo.putObject("errors").putArray("amount").addObject().put("error", "insufficient_funds");
            body.putArray("object").add(echo);
            body.putObject("errors").putArray("amount").addObject().put("error", "insufficient_funds");
            throw BitPesaSimError.with(422, body);
        }
        settler.funded(tx);
        echo.put("id", UUID.randomUUID().toString());
        echo.put("amount", tx.amount);
        echo.put("running_balance", state.balance(tx.inputCurrency));
        ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
        body.putArray("object").add(echo);
        return body;
    }

    ObjectNode accounts() {
        ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("object");
        state.balances().forEach((currency, amount) -> list.addObject().put("currency", currency).put("amount", amount));
        return body;
    }

    private static ObjectNode wrap(ObjectNode object) {
        ObjectNode body = BitPesaSimJson.MAPPER.createObjectNode();
        body.set("object", object);
        return body;
    }
}
