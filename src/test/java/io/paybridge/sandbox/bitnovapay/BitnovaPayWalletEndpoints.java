package io.paybridge.sandbox.bitnovapay;

import static io.paybridge.sandbox.bitnovapay.BitnovaPayJson.number;
import static io.paybridge.sandbox.bitnovapay.BitnovaPayJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wallet balance, withdrawals (and their status), webhook registration, listing and deletion. */
final class BitnovaPayWalletEndpoints {
    static final BigDecimal WITHDRAWAL_MIN = new BigDecimal("100");
    private static final Set<String> WITHDRAWAL_METHODS = Set.of("mpesa", "bank", "paypal");
    private static final Set<String> EVENTS = Set.of("payment.success", "payment.failed", "withdrawal.success", "withdrawal.failed");

    private final BitnovaPayState state;
    private final BitnovaPaySettler settler;

    BitnovaPayWalletEndpoints(BitnovaPayState state, BitnovaPaySettler settler) {
        this.state = state;
        this.settler = settler;
    }

    Map<String, Object> balance(ObjectNode params, String unused) {
        BigDecimal balance = state.wallet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("balance", balance);
        body.put("locked_balance", BitnovaPayJson.kes(BigDecimal.ZERO));
        body.put("available", balance);
        body.put("currency", "KES");
        return body;
    }

    Map<String, Object> withdraw(ObjectNode params, String unused) {
        BigDecimal amount = number(params, "amount");
        if (amount == null) {
            throw new BitnovaPayError(400, "amount is required.");
        }
        if (amount.compareTo(WITHDRAWAL_MIN) < 0) {
            throw new BitnovaPayError(400, "Minimum withdrawal is KES 100.");
        }
        String method = text(params, "method");
        if (method == null || !WITHDRAWAL_METHODS.contains(method)) {
            throw new BitnovaPayError(400, "method must be mpesa, bank or paypal.");
        }
        String account = BitnovaPayPaymentEndpoints.require(text(params, "account"), "account is required.");
        if ("mpesa".equals(method)) {
            account = BitnovaPayJson.msisdn(account).orElseThrow(() -> new BitnovaPayError(400, "Invalid phone number for M-Pesa."));
        }
        if (!state.debit(amount)) {
            throw new BitnovaPayError(400, "Insufficient wallet balance.");
        }
        var record = new BitnovaPayRecord(BitnovaPayRecord.Kind.WITHDRAWAL, BitnovaPayJson.code("WD-", 13), null, method, amount,
                BitnovaPayJson.kes(BigDecimal.ZERO), account, null, Instant.now());
        state.add(record);
        settler.schedule(record);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "pending");
        body.put("reference", record.reference);
        body.put("amount", amount);
        body.put("fee", record.fee);
        body.put("method", method);
        body.put("message", "Withdrawal queued.");
        return body;
    }

    Map<String, Object> withdrawal(ObjectNode params, String reference) {
        BitnovaPayRecord record = state.find(reference);
        if (record == null || record.kind != BitnovaPayRecord.Kind.WITHDRAWAL) {
            throw new BitnovaPayError(404, "Withdrawal not found.");
        }
        return record.statusView();
    }

    /** Idempotent by URL: the same URL again returns the existing registration and its secret. */
    Map<String, Object> register(ObjectNode params, String unused) {
        String url = BitnovaPayPaymentEndpoints.require(text(params, "url"), "url is required.");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BitnovaPayError(400, "url must be a valid URL.");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new BitnovaPayError(400, "url must be a valid URL."); // http accepted: this is a sandbox
        }
        List<String> events = new ArrayList<>();
        JsonNode given = params.get("events");
        if (given == null || !given.isArray() || given.isEmpty()) {
            throw new BitnovaPayError(400, "events is required.");
        }
        given.forEach(e -> events.add(e.asText()));
        if (!EVENTS.containsAll(events)) {
            throw new BitnovaPayError(400, "events must be among payment.success, payment.failed, withdrawal.success, withdrawal.failed.");
        }
        BitnovaPayState.Webhook webhook;
        synchronized (state) {
            webhook = state.webhookFor(url);
            if (webhook == null) {
                webhook = new BitnovaPayState.Webhook(state.nextId(), url, List.copyOf(events), BitnovaPayJson.code("whsec_", 30));
                state.addWebhook(webhook);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", webhook.id());
        body.put("secret", webhook.secret());
        body.put("url", webhook.url());
        body.put("events", webhook.events());
        return body;
    }

    Map<String, Object> webhooks(ObjectNode params, String unused) {
        List<Map<String, Object>> rows = state.webhooks().stream().map(w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", w.id());
            row.put("url", w.url());
            row.put("events", w.events());
            row.put("is_active", true);
            return row;
        }).toList();
        return Map.of("data", rows, "count", rows.size());
    }

    Map<String, Object> deleteWebhook(ObjectNode params, String id) {
        long webhookId;
        try {
            webhookId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new BitnovaPayError(404, "Webhook not found.");
        }
        if (!state.removeWebhook(webhookId)) {
            throw new BitnovaPayError(404, "Webhook not found.");
        }
        return Map.of("deleted", true, "id", webhookId);
    }
}
