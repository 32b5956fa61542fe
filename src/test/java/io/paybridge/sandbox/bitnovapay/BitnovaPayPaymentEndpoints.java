package io.paybridge.sandbox.bitnovapay;

import static io.paybridge.sandbox.bitnovapay.BitnovaPayJson.number;
import static io.paybridge.sandbox.bitnovapay.BitnovaPayJson.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Channels, Direct Pay stk-push, Smart Gateway charges/payment, payment status and the transactions listing. */
final class BitnovaPayPaymentEndpoints {
    private static final Set<String> METHODS = Set.of("mpesa", "card", "paypal", "crypto");
    private static final Set<String> CHANNEL_TYPES = Set.of("paybill", "till", "bank");
    private static final BigDecimal DIRECT_PAY_FEE = new BigDecimal("5.00");
    private static final BigDecimal GATEWAY_RATE = new BigDecimal("0.01");

    private final BitnovaPayState state;
    private final BitnovaPaySettler settler;
    private final String baseUrl;

    BitnovaPayPaymentEndpoints(BitnovaPayState state, BitnovaPaySettler settler, String baseUrl) {
        this.state = state;
        this.settler = settler;
        this.baseUrl = baseUrl;
    }

    Map<String, Object> channels(ObjectNode params, String unused) {
        List<Map<String, Object>> rows = state.channels().stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("label", c.label());
            row.put("type", c.type());
            row.put("shortcode", c.shortcode());
            row.put("is_active", c.active());
            return row;
        }).toList();
        return Map.of("data", rows, "count", rows.size());
    }

    Map<String, Object> createChannel(ObjectNode params, String unused) {
        String label = require(text(params, "label"), "label is required.");
        String type = require(text(params, "type"), "type is required.");
        String shortcode = require(text(params, "shortcode"), "shortcode is required.");
        if (!CHANNEL_TYPES.contains(type)) {
            throw new BitnovaPayError(400, "type must be paybill, till or bank.");
        }
        var channel = new BitnovaPayState.Channel(state.nextId(), label, type, shortcode, true);
        state.addChannel(channel);
        return Map.of("data", Map.of("id", channel.id(), "label", label, "type", type, "shortcode", shortcode, "is_active", true));
    }

    Map<String, Object> stkPush(ObjectNode params, String unused) {
        BigDecimal channelId = number(params, "channel_id");
        if (channelId == null) {
            throw new BitnovaPayError(400, "channel_id is required.");
        }
        if (state.channels().stream().noneMatch(c -> c.active() && c.id() == channelId.longValue())) {
            throw new BitnovaPayError(404, "Channel not found.");
        }
        BigDecimal amount = mpesaAmount(params);
        String phone = phone(params);
        String description = text(params, "description");
        if (description != null && description.length() > 20) {
            throw new BitnovaPayError(400, "description must be at most 20 characters.");
        }
        var record = new BitnovaPayRecord(BitnovaPayRecord.Kind.PAYMENT, BitnovaPayJson.code("MDA-", 14), "A", "mpesa",
                amount, DIRECT_PAY_FEE, phone, description, Instant.now());
        state.add(record);
        settler.schedule(record);
        return stkAnswer(record, "0" + phone.substring(3));
    }

    Map<String, Object> payment(ObjectNode params, String unused) {
        String method = text(params, "method");
        if (method == null || !METHODS.contains(method)) {
            throw new BitnovaPayError(400, "method must be mpesa, card, paypal or crypto.");
        }
        String description = text(params, "description");
        if ("mpesa".equals(method)) {
            if (text(params, "phone") == null) {
                throw new BitnovaPayError(400, "Phone number required for M-Pesa.");
            }
            BigDecimal amount = mpesaAmount(params);
            String phone = phone(params);
            var record = new BitnovaPayRecord(BitnovaPayRecord.Kind.PAYMENT, BitnovaPayJson.code("BNP-", 14), "B", "mpesa",
                    amount, fee(amount), phone, description, Instant.now());
            state.add(record);
            settler.schedule(record);
            return stkAnswer(record, "0" + phone.substring(3));
        }
        BigDecimal amount = number(params, "amount");
        if (amount == null || amount.signum() <= 0) {
            throw new BitnovaPayError(400, "amount must be a positive number.");
        }
        boolean crypto = "crypto".equals(method);
        String reference = crypto ? BitnovaPayJson.code("", 10) : BitnovaPayJson.code("BNP-", 14);
        var record = new BitnovaPayRecord(BitnovaPayRecord.Kind.PAYMENT, reference, "B", method, amount, fee(amount),
                text(params, "payer_email"), description, Instant.now());
        state.add(record);
        settler.schedule(record);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gateway", crypto ? "nowpayments" : method);
        body.put("redirect", baseUrl + "/checkout/" + method + "?ref=" + reference);
        body.put(crypto ? "invoice_id" : "reference", reference);
        return body;
    }

    Map<String, Object> status(ObjectNode params, String reference) {
        BitnovaPayRecord record = state.find(reference);
        if (record == null || record.kind != BitnovaPayRecord.Kind.PAYMENT) {
            throw new BitnovaPayError(404, "Payment not found.");
        }
        return record.statusView();
    }

    Map<String, Object> transactions(ObjectNode params, String unused) {
        String status = text(params, "status");
        String module = text(params, "module");
        String method = text(params, "method");
        int page = positive(params, "page", 1);
        int perPage = positive(params, "per_page", 15);
        if (perPage > 100) {
            throw new BitnovaPayError(400, "per_page may be at most 100.");
        }
        List<BitnovaPayRecord> matching = state.payments().stream()
                .filter(r -> status == null || status.equals(r.status()))
                .filter(r -> module == null || module.equals(r.module))
                .filter(r -> method == null || method.equals(r.method)).toList();
        int from = Math.min((page - 1) * perPage, matching.size());
        List<Map<String, Object>> rows = matching.subList(from, Math.min(from + perPage, matching.size())).stream()
                .map(BitnovaPayRecord::rowView).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", rows);
        body.put("count", rows.size());
        body.put("page", page);
        body.put("per_page", perPage);
        body.put("total", matching.size());
        return body;
    }

    private static Map<String, Object> stkAnswer(BitnovaPayRecord record, String localPhone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "pending");
        body.put("module", record.module);
        body.put("reference", record.reference);
        body.put("fee", record.fee);
        body.put("message", "STK sent to " + localPhone + ". Complete on your phone.");
        return body;
    }

    private static BigDecimal mpesaAmount(ObjectNode params) {
        BigDecimal amount = number(params, "amount");
        if (amount == null || amount.compareTo(BigDecimal.ONE) < 0 || amount.stripTrailingZeros().scale() > 0) {
            throw new BitnovaPayError(400, "amount must be whole KES, at least 1.");
        }
        return amount;
    }

    private static String phone(ObjectNode params) {
        return BitnovaPayJson.msisdn(text(params, "phone")).orElseThrow(() ->
                new BitnovaPayError(400, "Invalid phone number. Use 07XXXXXXXX or 2547XXXXXXXX."));
    }

    /** The document's example: 1,500 paid, fee 15 — 1% on the Smart Gateway. */
    private static BigDecimal fee(BigDecimal amount) {
        return BitnovaPayJson.kes(amount.multiply(GATEWAY_RATE));
    }

    static int positive(ObjectNode params, String name, int fallback) {
        String value = text(params, name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BitnovaPayError(400, name + " must be a positive integer.");
    }

    static String require(String value, String message) {
        if (value == null) {
            throw new BitnovaPayError(400, message);
        }
        return value;
    }
}
