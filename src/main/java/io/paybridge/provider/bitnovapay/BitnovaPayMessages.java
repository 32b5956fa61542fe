package io.paybridge.provider.bitnovapay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * BitnovaPay's own JSON shapes, field names exactly as bitnovapay.txt spells them. Amounts go
 * out as JSON numbers ({@code "amount": 1500}), as the document's examples send them.
 */
final class BitnovaPayMessages {
    private BitnovaPayMessages() {
    }

    /** {@code POST /api/v1/stk-push} (Direct Pay); {@code description} is at most 20 characters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"channel_id", "amount", "phone", "description", "payer_name", "payer_email"})
    record StkPushRequest(
            @JsonProperty("channel_id") long channelId,
            @JsonProperty("amount") Number amount,
            @JsonProperty("phone") String phone,
            @JsonProperty("description") String description,
            @JsonProperty("payer_name") String payerName,
            @JsonProperty("payer_email") String payerEmail) {
    }

    /** {@code POST /api/v2/payment} (Smart Gateway): {@code method} is mpesa, card, paypal or crypto. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"method", "amount", "phone", "description", "payer_email"})
    record PaymentRequest(
            @JsonProperty("method") String method,
            @JsonProperty("amount") Number amount,
            @JsonProperty("phone") String phone,
            @JsonProperty("description") String description,
            @JsonProperty("payer_email") String payerEmail) {
    }

    /** {@code POST /api/v1/channels}: the merchant's own paybill, till or bank shortcode. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"label", "type", "shortcode", "account_reference"})
    record ChannelRequest(
            @JsonProperty("label") String label,
            @JsonProperty("type") String type,
            @JsonProperty("shortcode") String shortcode,
            @JsonProperty("account_reference") String accountReference) {
    }

    /** {@code POST /api/v1/withdraw}: method mpesa, bank or paypal; account is a phone, account number or email. */
    @JsonPropertyOrder({"amount", "method", "account"})
    record WithdrawalRequest(
            @JsonProperty("amount") Number amount,
            @JsonProperty("method") String method,
            @JsonProperty("account") String account) {
    }

    /** {@code POST /api/v1/webhooks}. */
    @JsonPropertyOrder({"url", "events", "source"})
    record WebhookRequest(
            @JsonProperty("url") String url,
            @JsonProperty("events") List<String> events,
            @JsonProperty("source") String source) {
    }

    /**
     * Every answer about one payment shares these fields: the STK answer
     * ({@code status, module, reference, fee, message}), the redirect answers
     * ({@code gateway, redirect, reference} or {@code invoice_id} for crypto), the status answer
     * ({@code reference, status, amount, fee, net_amount, method}) and transaction rows.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(
            @JsonProperty("status") String status,
            @JsonProperty("module") String module,
            @JsonProperty("gateway") String gateway,
            @JsonProperty("redirect") String redirect,
            @JsonProperty("reference") String reference,
            @JsonProperty("invoice_id") String invoiceId,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("fee") BigDecimal fee,
            @JsonProperty("net_amount") BigDecimal netAmount,
            @JsonProperty("method") String method,
            @JsonProperty("description") String description,
            @JsonProperty("message") String message) {

        /** The reference BitnovaPay will use for this payment: crypto answers carry only an invoice id. */
        String providerReference() {
            return reference != null && !reference.isBlank() ? reference : invoiceId;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Channel(
            @JsonProperty("id") Long id,
            @JsonProperty("label") String label,
            @JsonProperty("type") String type,
            @JsonProperty("shortcode") String shortcode,
            @JsonProperty("is_active") Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChannelList(@JsonProperty("data") List<Channel> data, @JsonProperty("count") Integer count) {
    }

    /** {@code GET /api/v1/transactions}: one page, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransactionsPage(
            @JsonProperty("data") List<Payment> data,
            @JsonProperty("count") Integer count,
            @JsonProperty("page") Integer page,
            @JsonProperty("per_page") Integer perPage,
            @JsonProperty("total") Integer total) {
    }

    /** Every error: {@code {"error": "...", "code": 400}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(@JsonProperty("error") String error, @JsonProperty("code") Integer code) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WebhookRegistration(
            @JsonProperty("id") Long id,
            @JsonProperty("secret") String secret,
            @JsonProperty("url") String url,
            @JsonProperty("events") List<String> events) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventData(
            @JsonProperty("reference") String reference,
            @JsonProperty("module") String module,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("fee") BigDecimal fee,
            @JsonProperty("method") String method,
            @JsonProperty("status") String status) {
    }

    /** Webhook body: {@code event}, {@code timestamp} (Unix seconds), {@code data}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(
            @JsonProperty("event") String event,
            @JsonProperty("timestamp") Long timestamp,
            @JsonProperty("data") EventData data) {
    }
}
