package io.paybridge.sandbox.bitnovapay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One payment (module A or B) or withdrawal held by the simulator, and its JSON views. */
final class BitnovaPayRecord {
    enum Kind { PAYMENT, WITHDRAWAL }

    final Kind kind;
    final String reference;
    final String module;
    final String method;
    final BigDecimal amount;
    final BigDecimal fee;
    /** Phone (M-Pesa), account number or email: what decides the scripted fate. */
    final String party;
    final String description;
    final Instant createdAt;
    private String status = "pending";

    BitnovaPayRecord(Kind kind, String reference, String module, String method, BigDecimal amount, BigDecimal fee,
                     String party, String description, Instant createdAt) {
        this.kind = kind;
        this.reference = reference;
        this.module = module;
        this.method = method;
        this.amount = amount;
        this.fee = fee;
        this.party = party;
        this.description = description;
        this.createdAt = createdAt;
    }

    synchronized String status() {
        return status;
    }

    synchronized void settle(boolean success) {
        status = success ? "completed" : "failed";
    }

    /** The status answer, field for field as the document's "Payment Status" example. */
    synchronized Map<String, Object> statusView() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("status", status);
        body.put("amount", amount);
        body.put("fee", fee);
        body.put("net_amount", amount.subtract(fee));
        body.put("method", method);
        return body;
    }

    /** A row of the transactions listing: the status fields plus module, description and time. */
    synchronized Map<String, Object> rowView() {
        Map<String, Object> row = statusView();
        row.put("module", module);
        row.put("description", description);
        row.put("created_at", createdAt.toString());
        return row;
    }

    /** The webhook's {@code data}, as the document's payload example. */
    synchronized Map<String, Object> eventData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", reference);
        if (module != null) {
            data.put("module", module);
        }
        data.put("amount", amount);
        data.put("fee", fee);
        data.put("method", method);
        data.put("status", status);
        return data;
    }

    synchronized String event() {
        String prefix = kind == Kind.PAYMENT ? "payment." : "withdrawal.";
        return prefix + ("completed".equals(status) ? "success" : "failed");
    }
}
