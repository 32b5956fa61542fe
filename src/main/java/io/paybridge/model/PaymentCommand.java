package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The canonical instruction every intake door produces: validated, amount parsed, phone
 * normalised to E.164. {@code id} is the idempotency key end to end.
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
        BatchRef batch) {

    /** The same command bound to a provider chosen by the routing rules. */
    public PaymentCommand withProvider(String chosen) {
        return new PaymentCommand(id, type, chosen, amount, currency, country, customer, description, metadata, batch);
    }

    /** Customer phone or null. */
    public String phone() {
        return customer == null ? null : customer.phone();
    }
}
