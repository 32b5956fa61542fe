package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The canonical instruction every intake door produces: validated, amount parsed, phone
 * normalised to E.164. {@code id} is the idempotency key end to end. {@code options} are the
 * ERP's standing instructions for the payment's life (null: none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentCommand(
        String id,
        PaymentType type,
        String provider,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String country,
        Customer customer,
        String description,
        ObjectNode metadata,
        BatchRef batch,
        PaymentOptions options) {

    @JsonCreator
    public PaymentCommand {
    }

    /** A command without options. */
    public PaymentCommand(String id, PaymentType type, String provider, BigDecimal amount, String currency, String country,
                          Customer customer, String description, ObjectNode metadata, BatchRef batch) {
        this(id, type, provider, amount, currency, country, customer, description, metadata, batch, null);
    }

    /** The same command bound to a provider chosen by the routing rules. */
    public PaymentCommand withProvider(String chosen) {
        return new PaymentCommand(id, type, chosen, amount, currency, country, customer, description, metadata, batch, options);
    }

    /** The same command with another customer (used once the phone number is normalised). */
    public PaymentCommand withCustomer(Customer normalised) {
        return new PaymentCommand(id, type, provider, amount, currency, country, normalised, description, metadata, batch, options);
    }

    /** Whether the ERP asked for the payout to be cancelled when its recipient errors. */
    public boolean cancelOnRecipientError() {
        return options != null && options.cancelOnRecipientError();
    }

    /** Customer phone or null. */
    public String phone() {
        return customer == null ? null : customer.phone();
    }
}
