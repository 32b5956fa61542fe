package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * What a provider told us about one payment, already mapped to canonical terms. A null
 * {@code status} means the answer moves nothing (for example "not found yet").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome(
        PaymentStatus status,
        String providerReference,
        String providerStatus,
        Reason reason,
        BigDecimal fee,
        CustomerAction customerAction) {

    public static Outcome of(PaymentStatus status, String providerReference, String providerStatus) {
        return new Outcome(status, providerReference, providerStatus, null, null, null);
    }

    public static Outcome nothingKnown(String providerStatus) {
        return new Outcome(null, null, providerStatus, null, null, null);
    }

    /**
     * A lookup by our own reference proved that the provider never received the payment: it
     * moves nothing by itself, but allows the one resend the ledger permits.
     */
    public static Outcome unknownToProvider(String providerStatus) {
        return new Outcome(null, null, providerStatus, Reason.of(ReasonCodes.UNKNOWN_TO_PROVIDER,
                "the provider does not know this payment"), null, null);
    }

    /** Whether this is {@link #unknownToProvider}. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isUnknownToProvider() {
        return status == null && reason != null && ReasonCodes.UNKNOWN_TO_PROVIDER.equals(reason.code());
    }

    public Outcome withReason(Reason why) {
        return new Outcome(status, providerReference, providerStatus, why, fee, customerAction);
    }

    public Outcome withFee(BigDecimal amount) {
        return new Outcome(status, providerReference, providerStatus, reason, amount, customerAction);
    }

    public Outcome withCustomerAction(CustomerAction action) {
        return new Outcome(status, providerReference, providerStatus, reason, fee, action);
    }
}
