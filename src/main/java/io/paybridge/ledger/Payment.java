package io.paybridge.ledger;

import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Reason;
import io.paybridge.provider.PaymentSnapshot;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment as the ledger holds it. */
public record Payment(
        String id,
        PaymentType type,
        String provider,
        PaymentStatus status,
        PaymentCommand command,
        String commandFingerprint,
        String providerReference,
        String providerStatus,
        BigDecimal fee,
        Reason reason,
        int attempts,
        int polls,
        Instant createdAt,
        Instant updatedAt) {

    public PaymentSnapshot snapshot() {
        return new PaymentSnapshot(id, type, status, providerReference);
    }
}
