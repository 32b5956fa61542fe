package io.paybridge.sandbox.bluepay;

import static io.paybridge.sandbox.bluepay.BluePayJson.present;
import static io.paybridge.sandbox.bluepay.BluePayJson.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** payment_channels, stk_push (and its v2 alias) and payment_status. */
final class BluePayStkEndpoints {

    static final long MIN_AMOUNT = 1;
    static final long MAX_AMOUNT = 250_000;
    private static final int MAX_REFERENCE = 64;
    private static final DateTimeFormatter CHECKOUT_STAMP = DateTimeFormatter.ofPattern("ddMMyyyyHHmmss");

    private final BluePaySimulator.Settings settings;
    private final BluePayState state;
    private final BluePaySettler settler;
    private final AtomicLong checkoutSequence = new AtomicLong();

    BluePayStkEndpoints(BluePaySimulator.Settings settings, BluePayState state, BluePaySettler settler) {
        this.settings = settings;
        this.state = state;
        this.settler = settler;
    }

    Map<String, Object> channels(ObjectNode params) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("channel_id", settings.channelId());
        channel.put("channel_type", "paybill");
        channel.put("short_code", "123456");
        channel.put("is_active", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("payment_channels", List.of(channel));
        return body;
    }

    Map<String, Object> stkPush(ObjectNode params) {
        String reference = text(params, "account_reference", "external_reference", "account_id");
        if (reference != null) {
            state.recordReference(reference);
        }
        String channelId = text(params, "channel_id", "payment_channel_id");
        String rawPhone = text(params, "phone", "phone_number");
        if (channelId == null) {
            throw BluePayError.of(422, "channel_id is required");
        }
        if (rawPhone == null) {
            throw BluePayError.of(422, "phone is required");
        }
        if (!present(params, "amount")) {
            throw BluePayError.of(422, "amount is required");
        }
        Long amount = BluePayJson.wholeKes(params.get("amount"), MIN_AMOUNT, MAX_AMOUNT);
        if (amount == null) {
            throw BluePayError.of(422, "amount must be a whole number of KES between 1 and 250000");
        }
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw BluePayError.of(422, "account_reference must be at most 64 characters");
        }
        String callbackUrl = text(params, "callback_url");
        if (callbackUrl != null && !BluePayJson.isHttpUrl(callbackUrl)) {
            throw BluePayError.of(422, "callback_url must be an absolute http(s) URL");
        }
        if (!settings.channelId().equalsIgnoreCase(channelId)) {
            throw BluePayError.of(422, "Payment channel not available").with("error_code", "CHANNEL_NOT_AVAILABLE");
        }
        String phone = BluePayPhone.normalise(rawPhone).orElseThrow(() ->
                BluePayError.of(422, "phone is not a valid Kenyan MSISDN").with("error_code", "INVALID_PHONE"));

        BluePayStk stk;
        synchronized (state) {
            BluePayStk existing = reference == null ? null : state.stkByReference(reference);
            if (existing != null) {
                // Idempotent replay: same ids, no new payment, no second callback.
                return existing.acceptedBody();
            }
            BigDecimal tokens = state.serviceTokens();
            if (tokens.compareTo(BigDecimal.ONE) < 0) {
                throw BluePayError.of(402, "402 Insufficient service tokens")
                        .with("error_code", "INSUFFICIENT_PREPAID")
                        .with("required_kes", 1)
                        .with("balance_kes", tokens);
            }
            String ref = reference != null ? reference : generatedReference();
            stk = new BluePayStk(state.nextStkRequestId(), nextCheckoutId(), ref, phone, amount,
                    callbackUrl, BluePayJson.nairobiNow());
            state.addStk(stk);
        }
        settler.schedule(stk);
        return stk.acceptedBody();
    }

    Map<String, Object> paymentStatus(ObjectNode params) {
        String checkout = text(params, "checkout_request_id");
        String reference = text(params, "account_reference", "external_reference", "account_id");
        String stkRequestId = text(params, "stk_request_id");
        BluePayStk stk;
        if (checkout != null) {
            stk = state.stkByCheckout(checkout);
        } else if (reference != null) {
            stk = state.stkByReference(reference);
        } else if (stkRequestId != null) {
            stk = byNumericId(stkRequestId);
        } else {
            throw BluePayError.withoutMessage(422, "Provide checkout_request_id, account_reference (recommended),"
                    + " external_reference, stk_request_id, or deprecated account_id");
        }
        return stk == null ? notFound() : stk.statusBody();
    }

    private BluePayStk byNumericId(String stkRequestId) {
        try {
            return state.stkById(Integer.parseInt(stkRequestId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> notFound() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("success", true);
        body.put("found", false);
        body.put("paid", false);
        body.put("failed", false);
        body.put("stk_status", null);
        body.put("message", "No matching STK for this merchant yet");
        body.put("payment", null);
        return body;
    }

    private String nextCheckoutId() {
        // Real ids look like ws_CO_19042026094800123456789; uniqueness is what matters here.
        return String.format("ws_CO_%s%06d",
                CHECKOUT_STAMP.format(BluePayJson.nairobiNow()), checkoutSequence.incrementAndGet());
    }

    private static String generatedReference() {
        return "BP-LINK-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }
}
