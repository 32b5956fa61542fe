package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.provider.ProviderRequest;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Builds the gateway's signed requests. Each body is an {@link ObjectNode} built in the
 * document's field order, signed from that same tree and serialised once, so the signature covers
 * exactly the values on the wire ({@code "100.00"} as text, {@code provider_id} as a number).
 */
final class BitlipaRequests {
    static final String C2B = "payment_c2b";
    static final String B2C = "payment_b2c";
    static final String STATUS = "status";
    static final String BANKS = "banks";
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json", "Accept", "application/json");

    private final BitlipaSettings settings;
    private final BitlipaSigner signer;
    private final ObjectMapper json;

    BitlipaRequests(BitlipaSettings settings, BitlipaSigner signer, ObjectMapper json) {
        this.settings = settings;
        this.signer = signer;
        this.json = json;
    }

    /** {@code payment_c2b} / {@code payment_b2c}: fields in the order of the document's parameter table. */
    ProviderRequest payment(PaymentCommand command, BitlipaRules.Plan plan) {
        ObjectNode body = json.createObjectNode();
        body.put("merchant_id", settings.merchantId());
        body.put("customer_id", plan.customerId());
        body.put("order_id", command.id()); // the gateway's idempotency key: always our payment id
        body.put("amount", command.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        body.put("currency", command.currency());
        body.put("country", command.country());
        if (settings.hasCallbackUrl()) {
            body.put("callback_url", settings.callbackUrl());
        }
        body.put("provider_id", plan.selection().providerId());
        if (!plan.extra().isEmpty()) {
            ObjectNode extra = body.putObject("extra");
            plan.extra().forEach(extra::put);
        }
        String operation = command.type() == PaymentType.COLLECTION ? C2B : B2C;
        return post(operation, body);
    }

    /** {@code status} by order_id, so it works even when the payment answer never reached us. */
    ProviderRequest status(String paymentId) {
        ObjectNode body = json.createObjectNode();
        body.put("merchant_id", settings.merchantId());
        body.put("order_id", paymentId);
        return post(STATUS, body);
    }

    /** {@code banks} for a bank provider (5008, 5012 …): the bank codes a payout may use. */
    ProviderRequest banks(int providerId) {
        ObjectNode body = json.createObjectNode();
        body.put("merchant_id", settings.merchantId());
        body.put("provider_id", providerId);
        return post(BANKS, body);
    }

    private ProviderRequest post(String operation, ObjectNode body) {
        try {
            byte[] bytes = json.writeValueAsBytes(signer.signed(body));
            return ProviderRequest.post(operation, settings.baseUrl() + "/" + settings.publicId() + "/" + operation, HEADERS, bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise gateway " + operation + " request", e);
        }
    }
}
