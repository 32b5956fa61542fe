package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who pays or gets paid. Every field is optional in general; each provider says which it needs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        String phone,
        String email,
        String name,
        String documentType,
        String documentNumber,
        String bankCode,
        String account) {

    /** The same customer with another phone number (used once the number is normalised). */
    public Customer withPhone(String normalised) {
        return new Customer(normalised, email, name, documentType, documentNumber, bankCode, account);
    }
}
