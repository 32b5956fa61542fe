package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Something the customer must do before the payment can complete (approve on phone, open a URL). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerAction(String type, String redirectUrl, String instructions) {

    /** The customer approves a prompt on their phone (M-Pesa STK push). */
    public static CustomerAction approveOnPhone() {
        return new CustomerAction("APPROVE_ON_PHONE", null, null);
    }

    /** The customer opens a provider page. */
    public static CustomerAction redirect(String url) {
        return new CustomerAction("REDIRECT", url, null);
    }
}
