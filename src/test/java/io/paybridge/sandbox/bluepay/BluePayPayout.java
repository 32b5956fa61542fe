package io.paybridge.sandbox.bluepay;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** One B2C payout held by the simulator, and its API / callback views. */
final class BluePayPayout {

    /** REVERSED is part of the documented vocabulary; the simulator itself never produces it. */
    enum Status { PENDING, SUCCESS, FAILED, REVERSED }

    static final String FAILURE_DESC = "The initiator information is invalid.";

    final String id;
    final long amount;
    final String phone;
    final String reference;
    final String description;
    final BigDecimal fee;
    final String callbackUrl;
    final OffsetDateTime createdAt;

    private Status status = Status.PENDING;
    private String receipt;

    BluePayPayout(String id, long amount, String phone, String reference, String description,
                  BigDecimal fee, String callbackUrl, OffsetDateTime createdAt) {
        this.id = id;
        this.amount = amount;
        this.phone = phone;
        this.reference = reference;
        this.description = description;
        this.fee = fee;
        this.callbackUrl = callbackUrl;
        this.createdAt = createdAt;
    }

    synchronized void succeed(String receipt) {
        this.status = Status.SUCCESS;
        this.receipt = receipt;
    }

    synchronized void fail() {
        this.status = Status.FAILED;
    }

    synchronized Status status() {
        return status;
    }

    /** {@code data.payout} of the payouts and payout_status answers. */
    synchronized Map<String, Object> view() {
        Map<String, Object> payout = new LinkedHashMap<>();
        payout.put("id", id);
        payout.put("status", status.name());
        payout.put("amount", amount);
        payout.put("phone", phone);
        payout.put("reference", reference);
        payout.put("transaction_fee", fee);
        payout.put("mpesa_receipt", receipt);
        payout.put("created_at", createdAt.toString());
        return payout;
    }

    /** Webhook body exactly as the document's B2C example (no api_version / livemode there). */
    synchronized Map<String, Object> callbackBody() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("type", "B2C");
        data.put("status", status.name());
        data.put("amount", amount);
        data.put("phone_number", phone);
        data.put("external_reference", reference);
        data.put("mpesa_receipt", receipt);
        data.put("transaction_fee", fee);
        if (status == Status.FAILED) {
            data.put("result_desc", FAILURE_DESC);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", callbackEvent());
        body.put("data", data);
        return body;
    }

    synchronized String callbackEvent() {
        return status == Status.SUCCESS ? "mpesa.b2c.success" : "mpesa.b2c.failed";
    }
}
