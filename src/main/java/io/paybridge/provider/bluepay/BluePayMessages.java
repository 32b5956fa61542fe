package io.paybridge.provider.bluepay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.BigInteger;

/** BluePay's own JSON shapes, field names exactly as bluepay.txt spells them. */
final class BluePayMessages {
    private BluePayMessages() {
    }

    /** {@code POST /api/stk_push.php}. Amount is a whole number of shillings, as the document's examples show. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"channel_id", "phone", "amount", "account_reference", "callback_url"})
    record StkRequest(
            @JsonProperty("channel_id") String channelId,
            @JsonProperty("phone") String phone,
            @JsonProperty("amount") BigInteger amount,
            @JsonProperty("account_reference") String accountReference,
            @JsonProperty("callback_url") String callbackUrl) {
    }

    /** {@code POST /api/v1/b2c/payouts}; note the camelCase {@code callbackUrl} of this endpoint. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"amount", "phone", "reference", "description", "callbackUrl"})
    record PayoutRequest(
            @JsonProperty("amount") BigInteger amount,
            @JsonProperty("phone") String phone,
            @JsonProperty("reference") String reference,
            @JsonProperty("description") String description,
            @JsonProperty("callbackUrl") String callbackUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StkResponse(
            @JsonProperty("ok") boolean ok,
            @JsonProperty("stk_request_id") Long stkRequestId,
            @JsonProperty("checkout_request_id") String checkoutRequestId,
            @JsonProperty("account_reference") String accountReference) {
    }

    /** The error envelope every endpoint shares: {@code ok, success, error, message, error_code}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(
            @JsonProperty("error") String error,
            @JsonProperty("message") String message,
            @JsonProperty("error_code") String errorCode,
            @JsonProperty("required_kes") BigDecimal requiredKes,
            @JsonProperty("balance_kes") BigDecimal balanceKes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payout(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("reference") String reference,
            @JsonProperty("transaction_fee") BigDecimal transactionFee,
            @JsonProperty("mpesa_receipt") String mpesaReceipt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PayoutData(@JsonProperty("payout") Payout payout) {
    }

    /** Answer of {@code POST /b2c/payouts} and {@code GET /b2c/payout_status}: {@code data.payout}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PayoutResponse(
            @JsonProperty("transaction_fee") BigDecimal transactionFee,
            @JsonProperty("data") PayoutData data) {

        Payout payout() {
            return data == null ? null : data.payout();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(@JsonProperty("status") String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusPayment(
            @JsonProperty("mpesa_receipt_number") String mpesaReceiptNumber,
            @JsonProperty("pending_confirmation") boolean pendingConfirmation) {
    }

    /** {@code /api/payment_status.php}: {@code paid} settles, {@code found} says a row exists. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentStatusResponse(
            @JsonProperty("found") boolean found,
            @JsonProperty("paid") boolean paid,
            @JsonProperty("failed") boolean failed,
            @JsonProperty("stk_status") String stkStatus,
            @JsonProperty("checkout_request_id") String checkoutRequestId,
            @JsonProperty("payment") StatusPayment payment,
            @JsonProperty("order") Order order) {
    }

    /** Callback {@code data}: STK events carry account_reference, B2C events external_reference. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventData(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("account_reference") String accountReference,
            @JsonProperty("external_reference") String externalReference,
            @JsonProperty("checkout_request_id") String checkoutRequestId,
            @JsonProperty("mpesa_receipt_number") String mpesaReceiptNumber,
            @JsonProperty("mpesa_receipt") String mpesaReceipt,
            @JsonProperty("transaction_fee") BigDecimal transactionFee,
            @JsonProperty("result_desc") String resultDesc) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(@JsonProperty("event") String event, @JsonProperty("data") EventData data) {
    }
}
