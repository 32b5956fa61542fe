package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.model.PaymentCommand;
import io.paybridge.provider.ProviderRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds BitPesa's requests, each signed afresh (new nonce) over its exact bytes and full URL.
 * The operation names drive {@link BitPesaConversation}.
 */
final class BitPesaRequests {
    static final String SENDER_LOOKUP = "sender-lookup";
    static final String SENDER_CREATE = "sender-create";
    static final String TRANSACTION_CREATE = "transaction-create";
    static final String TRANSACTION_LOOKUP = "transaction-lookup";
    static final String TRANSACTION_GET = "transaction-get";
    static final String DEBIT = "debit";
    static final String ACCOUNTS = "accounts";
    static final String CANCEL = "cancel-transaction";

    private final BitPesaSettings settings;
    private final BitPesaAuth auth;
    private final ObjectMapper json;

    BitPesaRequests(BitPesaSettings settings, BitPesaAuth auth, ObjectMapper json) {
        this.settings = settings;
        this.auth = auth;
        this.json = json;
    }

    ProviderRequest senderLookup(String externalId) {
        return get(SENDER_LOOKUP, "/v1/senders?external_id=" + encode(externalId));
    }

    ProviderRequest senderCreate(String externalId, ObjectNode details) {
        ObjectNode body = json.createObjectNode();
        ObjectNode sender = body.putObject("sender");
        sender.setAll(details);
        sender.put("external_id", externalId);
        return post(SENDER_CREATE, "/v1/senders", body);
    }

    /** One recipient; our payment id as {@code external_id}, BitPesa's duplicate guard. */
    ProviderRequest transactionCreate(PaymentCommand command, BitPesaRules.Plan plan, String senderId) {
        ObjectNode body = json.createObjectNode();
        ObjectNode transaction = body.putObject("transaction");
        transaction.put("input_currency", inputCurrency(command));
        transaction.putObject("sender").put("id", senderId);
        ObjectNode recipient = transaction.putArray("recipients").addObject();
        recipient.put("requested_amount", command.amount());
        recipient.put("requested_currency", command.currency());
        recipient.put("type", "person");
        ObjectNode method = recipient.putObject("payout_method");
        method.put("type", plan.method().type());
        ObjectNode details = method.putObject("details");
        plan.details().forEach(details::put);
        transaction.putObject("metadata").put("payment_id", command.id());
        transaction.put("external_id", command.id());
        return post(TRANSACTION_CREATE, "/v1/transactions", body);
    }

    /** After an ambiguous create, or with no transaction id: find it by our id instead of creating again. */
    ProviderRequest transactionLookup(String paymentId) {
        return get(TRANSACTION_LOOKUP, "/v1/transactions?external_id=" + encode(paymentId));
    }

    ProviderRequest transactionGet(String transactionId) {
        return get(TRANSACTION_GET, "/v1/transactions/" + encode(transactionId));
    }

    /** Funds a transaction from the merchant's balance in its input currency. */
    ProviderRequest debit(String transactionId, String currency) {
        ObjectNode body = json.createObjectNode();
        ObjectNode debit = body.putObject("debit");
        debit.put("currency", currency);
        debit.put("to_id", transactionId);
        debit.put("to_type", "Transaction");
        return post(DEBIT, "/v1/accounts/debits", body);
    }

    /**
     * {@code DELETE /v1/transactions/{id}}: an operator's action, or the bundle's own follow-up
     * ({@link BitPesaCancels}); BitPesa answers with the transaction as it now stands.
     */
    ProviderRequest cancel(String transactionId) {
        String url = settings.baseUrl() + "/v1/transactions/" + encode(transactionId);
        return new ProviderRequest(CANCEL, "DELETE", url, auth.headers("DELETE", url, null), null);
    }

    ProviderRequest accounts() {
        return get(ACCOUNTS, "/v1/accounts");
    }

    String inputCurrency(PaymentCommand command) {
        return settings.inputCurrency() != null ? settings.inputCurrency() : command.currency();
    }

    private ProviderRequest get(String operation, String pathAndQuery) {
        String url = settings.baseUrl() + pathAndQuery;
        return ProviderRequest.get(operation, url, auth.headers("GET", url, null));
    }

    private ProviderRequest post(String operation, String path, ObjectNode body) {
        String url = settings.baseUrl() + path;
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            return ProviderRequest.post(operation, url, auth.headers("POST", url, bytes), bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise BitPesa " + operation + " request", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
