package io.paybridge.sandbox.kipay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Kipay transaction (STK push, hosted checkout or simulated C2B) and its JSON views. */
final class KipayTransaction {
    enum Kind { STK, CHECKOUT, C2B }

    final long id;
    final Kind kind;
    final String reference;
    final String merchantReference;
    final BigDecimal amount;
    final String phone;
    final String email;
    final String checkoutRequestId;
    final Instant createdAt;
    private String status;

    KipayTransaction(long id, Kind kind, String reference, String merchantReference, BigDecimal amount, String phone,
                     String email, String checkoutRequestId, String status, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.reference = reference;
        this.merchantReference = merchantReference;
        this.amount = amount;
        this.phone = phone;
        this.email = email;
        this.checkoutRequestId = checkoutRequestId;
        this.status = status;
        this.createdAt = createdAt;
    }

    synchronized String status() {
        return status;
    }

    synchronized void settle(boolean success) {
        status = success ? "completed" : "failed";
    }

    /** {@code transaction} of the answers, as in kipay.txt's examples. */
    synchronized Map<String, Object> view() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("reference", reference);
        t.put("amount", amount);
        if (phone != null && kind != Kind.CHECKOUT) {
            t.put("phone_number", phone);
        }
        t.put("status", status);
        if (checkoutRequestId != null) {
            t.put("checkout_request_id", checkoutRequestId);
        }
        if (!"pending".equals(status)) {
            t.put("payment_method", kind == Kind.CHECKOUT ? "card" : "mpesa_stk");
        }
        t.put("created_at", createdAt.toString());
        return t;
    }

    synchronized Map<String, Object> callbackBody() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", reference);
        data.put("status", status);
        data.put("amount", amount);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "completed".equals(status) ? "charge.success" : "failed".equals(status) ? "charge.failed" : "charge.pending");
        body.put("data", data);
        return body;
    }
}
