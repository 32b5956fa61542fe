package io.paybridge.sandbox.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.sandbox.bitlipa.BitlipaSimCatalog.Provider;
import java.math.BigDecimal;
import java.util.List;

/**
 * payment_c2b, payment_b2c, status and banks. Every refusal is HTTP 200 with a non-zero
 * {@code result.code}, as the document warns. The document lists no codes, so these are the
 * simulator's own: 1 bad signature, 2 unknown merchant, 3 missing or malformed field, 4 amount
 * outside the country's limits, 5 provider not offered, 6 a required extra field missing,
 * 7 currency not the country's, 10 order not found (with status -1).
 */
final class BitlipaEndpoints {
    private final BitlipaSimulator.Settings settings;
    private final BitlipaState state;
    private final BitlipaSimCatalog catalog;
    private final BitlipaSettler settler;
    private final BitlipaFaults faults;
    private final String baseUrl;

    BitlipaEndpoints(BitlipaSimulator.Settings settings, BitlipaState state, BitlipaSimCatalog catalog, BitlipaSettler settler,
                     BitlipaFaults faults, String baseUrl) {
        this.settings = settings;
        this.state = state;
        this.catalog = catalog;
        this.settler = settler;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    /** Thrown to answer HTTP 500 after the order was stored (fault switch). */
    static final class AcceptedThenFailed extends RuntimeException {
        AcceptedThenFailed() {
            super("accepted then failed", null, false, false);
        }
    }

    ObjectNode payment(ObjectNode body, boolean c2b) {
        String orderId = text(body, "order_id");
        ObjectNode refusal = common(body, orderId);
        if (refusal != null) {
            return refusal;
        }
        BitlipaOrder held = state.order(orderId);
        if (held != null) {
            return replay(held); // same order_id: same answer, nothing repeated
        }
        for (String field : List.of("customer_id", "amount", "currency", "provider_id")) {
            if (text(body, field) == null) {
                return BitlipaAnswers.refusal(orderId, 3, field + " is required");
            }
        }
        JsonNode amountNode = body.get("amount");
        if (!amountNode.isTextual() || !amountNode.asText().matches("\\d+\\.\\d{2}")) {
            return BitlipaAnswers.refusal(orderId, 3, "amount must be a string with two digits after the point");
        }
        BigDecimal amount = new BigDecimal(amountNode.asText());
        int providerId = body.get("provider_id").asInt();
        String flow = "approve-on-phone";
        if (!catalog.isTestProvider(providerId)) {
            Provider provider = catalog.find(providerId);
            if (provider == null) {
                return BitlipaAnswers.refusal(orderId, 5, "provider " + providerId + " is not available");
            }
            if (!provider.currency().equals(text(body, "currency"))) {
                return BitlipaAnswers.refusal(orderId, 7, "currency must be " + provider.currency());
            }
            BigDecimal min = c2b ? provider.c2bMin() : provider.b2cMin();
            if (amount.compareTo(min) < 0 || provider.max() != null && amount.compareTo(provider.max()) > 0) {
                return BitlipaAnswers.refusal(orderId, 4, "amount is outside the limits of " + provider.country());
            }
            for (String extra : c2b ? provider.c2bExtra() : provider.b2cExtra()) {
                if (text(body.path("extra"), extra) == null) {
                    return BitlipaAnswers.refusal(orderId, 6, "extra." + extra + " is required for provider " + providerId);
                }
            }
            if (c2b && "hosted-page-only".equals(provider.c2bFlow())) {
                return BitlipaAnswers.refusal(orderId, 5, "use the payment page for provider " + providerId);
            }
            flow = c2b ? provider.c2bFlow() : null;
        }
        String callbackUrl = text(body, "callback_url") != null ? text(body, "callback_url") : settings.callbackUrl();
        BitlipaOrder order = state.putIfAbsent(new BitlipaOrder(orderId, state.nextTransactionId(), c2b, providerId,
                text(body, "customer_id"), amount, text(body, "currency"), callbackUrl, flow));
        if (order.firstAnswer == null) {
            order.firstAnswer = BitlipaAnswers.order(order, null).toString();
            if (!catalog.isTestProvider(providerId)) {
                settler.accepted(order); // the document's test provider 14 never settles and never calls back
            }
        }
        if (faults.shouldFailAfterAccept()) {
            throw new AcceptedThenFailed();
        }
        return replay(order);
    }

    ObjectNode status(ObjectNode body) {
        String orderId = text(body, "order_id");
        ObjectNode refusal = common(body, orderId);
        if (refusal != null) {
            return refusal;
        }
        BitlipaOrder order = state.order(orderId);
        if (order == null) {
            return BitlipaAnswers.refusal(orderId, 10, "Transaction not found");
        }
        return BitlipaAnswers.order(order, order.redirectFlow() ? baseUrl + "/redirect/" + order.transactionId : null);
    }

    ObjectNode banks(ObjectNode body) {
        ObjectNode refusal = common(body, null);
        if (refusal != null) {
            refusal.remove("order_id");
            return refusal;
        }
        Provider provider = catalog.find(body.path("provider_id").asInt());
        ObjectNode answer = BitlipaAnswers.JSON.createObjectNode();
        var banks = answer.putArray("banks");
        if (provider != null && provider.bank()) {
            banks.addObject().put("code", "000001").put("name", "Premium Trust Bank");
            banks.addObject().put("code", "000013").put("name", "Guaranty Trust Bank");
        }
        BitlipaAnswers.result(answer, provider != null && provider.bank() ? 0 : 5, provider != null && provider.bank() ? "OK"
                : "provider has no banks");
        return answer;
    }

    /** The customer opened the confirmation link of a redirect-flow collection. */
    boolean confirmRedirect(String transactionId) {
        BitlipaOrder order = state.byTransaction(transactionId);
        if (order == null || !order.redirectFlow()) {
            return false;
        }
        settler.confirmed(order);
        return true;
    }

    private ObjectNode common(ObjectNode body, String orderId) {
        if (!new BitlipaSimSignature(settings.secretKey()).matches(body, text(body, "signature"))) {
            return BitlipaAnswers.refusal(orderId, 1, "Invalid signature");
        }
        if (!settings.merchantId().equals(text(body, "merchant_id"))) {
            return BitlipaAnswers.refusal(orderId, 2, "Unknown merchant");
        }
        if (body.has("order_id") && (orderId == null || !orderId.matches("[A-Za-z0-9_\\-:.]{1,128}"))) {
            return BitlipaAnswers.refusal(orderId, 3, "order_id is malformed");
        }
        return null;
    }

    private static ObjectNode replay(BitlipaOrder order) {
        try {
            return (ObjectNode) BitlipaAnswers.JSON.readTree(order.firstAnswer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
    }
}
