package io.paybridge.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paybridge.ledger.Payment;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Reason;
import java.time.Instant;

/** A payment as the HTTP API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(
        String id,
        PaymentType type,
        String provider,
        PaymentStatus status,
        String amount,
        String currency,
        String providerReference,
        String providerStatus,
        String fee,
        Reason reason,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    public static PaymentView of(Payment p) {
        return new PaymentView(p.id(), p.type(), p.provider(), p.status(), p.command().amount().toPlainString(),
                p.command().currency(), p.providerReference(), p.providerStatus(),
                p.fee() == null ? null : p.fee().stripTrailingZeros().toPlainString(), p.reason(), p.attempts(),
                p.createdAt(), p.updatedAt());
    }
}
