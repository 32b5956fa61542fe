package io.paybridge.provider.kipay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * Kipay's own JSON shapes, field names exactly as kipay.txt spells them. Amounts are major
 * units (shillings) as JSON numbers: the document's examples send numbers, and Kipay multiplies
 * {@code amount} by 100 itself before handing it to its card processor (its published source),
 * although one page of its docs calls the unit "cents".
 */
final class KipayMessages {
    private KipayMessages() {
    }

    /** {@code POST /api/mpesa/stk-push}; {@code reference} carries our payment id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"amount", "phone_number", "payment_channel_id", "reference", "description"})
    record StkPushRequest(
            @JsonProperty("amount") Number amount,
            @JsonProperty("phone_number") String phoneNumber,
            @JsonProperty("payment_channel_id") long paymentChannelId,
            @JsonProperty("reference") String reference,
            @JsonProperty("description") String description) {
    }

    /** {@code POST /api/transactions/initialize}: the currency is written {@code KSH}, as the document shows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"amount", "email", "payment_channel_id", "description", "currency", "first_name", "last_name", "phone"})
    record InitializeRequest(
            @JsonProperty("amount") Number amount,
            @JsonProperty("email") String email,
            @JsonProperty("payment_channel_id") long paymentChannelId,
            @JsonProperty("description") String description,
            @JsonProperty("currency") String currency,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("phone") String phone) {
    }

    /** {@code POST /api/customers/create}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"email", "first_name", "last_name", "phone"})
    record CustomerRequest(
            @JsonProperty("email") String email,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("phone") String phone) {
    }

    /** {@code POST /api/mpesa/register-c2b-urls}. */
    @JsonPropertyOrder({"payment_channel_id", "confirmation_url", "validation_url"})
    record C2bUrlsRequest(
            @JsonProperty("payment_channel_id") long paymentChannelId,
            @JsonProperty("confirmation_url") String confirmationUrl,
            @JsonProperty("validation_url") String validationUrl) {
    }

    /** {@code POST /api/mpesa/simulate-c2b} (sandbox only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"payment_channel_id", "amount", "phone_number", "reference"})
    record SimulateC2bRequest(
            @JsonProperty("payment_channel_id") long paymentChannelId,
            @JsonProperty("amount") Number amount,
            @JsonProperty("phone_number") String phoneNumber,
            @JsonProperty("reference") String reference) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Transaction(
            @JsonProperty("id") Long id,
            @JsonProperty("reference") String reference,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("status") String status,
            @JsonProperty("phone_number") String phoneNumber,
            @JsonProperty("checkout_request_id") String checkoutRequestId,
            @JsonProperty("payment_method") String paymentMethod) {
    }

    /**
     * The answers of initialize, verify, stk-push and stk-status. Note that on verify the top-level
     * {@code status} is the transaction's (Kipay merges it over {@code "success"}), so
     * {@code transaction.status} is read first.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransactionAnswer(
            @JsonProperty("status") String status,
            @JsonProperty("message") String message,
            @JsonProperty("transaction") Transaction transaction,
            @JsonProperty("authorization_url") String authorizationUrl,
            @JsonProperty("access_code") String accessCode,
            @JsonProperty("reference") String reference) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(
            @JsonProperty("id") Long id,
            @JsonProperty("email") String email,
            @JsonProperty("phone") String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomerList(@JsonProperty("data") List<Customer> data, @JsonProperty("total") Integer total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomerAnswer(@JsonProperty("customer") Customer customer) {
    }

    /** Every error: {@code {"status": "error", "message": "..."}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorEnvelope(@JsonProperty("status") String status, @JsonProperty("message") String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventData(@JsonProperty("reference") String reference, @JsonProperty("status") String status) {
    }

    /** Callback body (NOTES.md): {@code {"event": "charge.success|charge.failed|charge.pending", "data": {"reference": …}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(@JsonProperty("event") String event, @JsonProperty("data") EventData data) {
    }
}
