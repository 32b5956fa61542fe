package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a payment is where it is: our canonical code, a readable message, and the provider's own
 * code kept verbatim so nothing is lost in translation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String code, String message, String providerCode) {

    public static Reason of(String code, String message) {
        return new Reason(code, message, null);
    }
}
