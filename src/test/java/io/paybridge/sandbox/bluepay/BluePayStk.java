package io.paybridge.sandbox.bluepay;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** One STK request held by the simulator, and its payment_status / callback views. */
final class BluePayStk {

    enum Status { PENDING, SUCCESS, FAILED }

    static final String FAILURE_DESC = "Request cancelled by user";

    final int stkRequestId;
    final String checkoutRequestId;
    final String accountReference;
    final String phone;
    final long amount;
    /** Per-STK override; null means "use the account callback URL at settlement time". */
    final String callbackUrl;
    final LocalDateTime createdAt;

    private Status status = Status.PENDING;
    private Integer paymentId;
    private String receipt;
    private LocalDateTime transactionTime;

    BluePayStk(int stkRequestId, String checkoutRequestId, String accountReference, String phone,
               long amount, String callbackUrl, LocalDateTime createdAt) {
        this.stkRequestId = stkRequestId;
        this.checkoutRequestId = checkoutRequestId;
        this.accountReference = accountReference;
        this.phone = phone;
        this.amount = amount;
        this.callbackUrl = callbackUrl;
        this.createdAt = createdAt;
    }

    synchronized void succeed(int paymentId, String receipt, LocalDateTime at) {
        this.status = Status.SUCCESS;
        this.paymentId = paymentId;
        this.receipt = receipt;
        this.transactionTime = at;
    }

    synchronized void fail() {
        this.status = Status.FAILED;
    }

    synchronized Status status() {
        return status;
    }

    Map<String, Object> acceptedBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("stk_request_id", stkRequestId);
        body.put("checkout_request_id", checkoutRequestId);
        body.put("account_reference", accountReference);
        return body;
    }

    /** The "found" answer of payment_status, field for field as the document's example. */
    synchronized Map<String, Object> statusBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("success", true);
        body.put("found", true);
        body.put("paid", status == Status.SUCCESS);
        body.put("failed", status == Status.FAILED);
        body.put("stk_status", status.name());
        body.put("stk_request_id", stkRequestId);
        body.put("checkout_request_id", checkoutRequestId);
        body.put("account_reference", accountReference);
        body.put("external_reference", accountReference);
        body.put("amount", amount);
        body.put("phone", phone);
        body.put("payment", status == Status.SUCCESS ? paymentView() : null);
        body.put("wallet_topup", null);
        body.put("created_at", BluePayJson.PHP_DATE_TIME.format(createdAt));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("status", switch (status) {
            case PENDING -> "pending";
            case SUCCESS -> "completed";
            case FAILED -> "failed";
        });
        order.put("checkout_request_id", checkoutRequestId);
        order.put("external_reference", accountReference);
        order.put("amount", amount);
        order.put("phone", phone);
        order.put("stk_request_id", stkRequestId);
        body.put("order", order);
        return body;
    }

    private Map<String, Object> paymentView() {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("id", paymentId);
        payment.put("mpesa_receipt_number", receipt);
        payment.put("amount", amount);
        payment.put("phone", phone);
        payment.put("transaction_time", BluePayJson.PHP_DATE_TIME.format(transactionTime));
        payment.put("pending_confirmation", false);
        return payment;
    }

    /**
     * Webhook body. The document's example omits {@code phone} but lists it among the key data
     * fields, so it is sent; {@code livemode} is false because this is a sandbox.
     */
    synchronized Map<String, Object> callbackBody() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_id", paymentId);
        data.put("amount", amount);
        data.put("mpesa_receipt_number", receipt);
        data.put("account_reference", accountReference);
        data.put("checkout_request_id", checkoutRequestId);
        data.put("phone", phone);
        data.put("status", status == Status.SUCCESS ? "success" : "failed");
        if (status == Status.FAILED) {
            data.put("result_desc", FAILURE_DESC);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", callbackEvent());
        body.put("api_version", "1");
        body.put("livemode", false);
        body.put("data", data);
        return body;
    }

    synchronized String callbackEvent() {
        return status == Status.SUCCESS ? "mpesa.payment.received" : "mpesa.payment.failed";
    }
}
