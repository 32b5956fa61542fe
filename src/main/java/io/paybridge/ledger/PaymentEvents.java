package io.paybridge.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentEvent;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Builds the event for one state change from what the ledger now holds. */
final class PaymentEvents {
    private final ObjectMapper json;

    PaymentEvents(ObjectMapper json) {
        this.json = json;
    }

    PaymentEvent build(Payment before, PaymentStatus next, Outcome outcome, EventSource source, Instant now) {
        PaymentCommand command = before.command();
        // The first reference a provider gave stays: later answers may name the same payment differently.
        String providerReference = before.providerReference() != null || outcome == null
                ? before.providerReference() : outcome.providerReference();
        String providerStatus = outcome != null && outcome.providerStatus() != null ? outcome.providerStatus() : before.providerStatus();
        BigDecimal fee = outcome != null && outcome.fee() != null ? outcome.fee() : before.fee();
        Reason reason = outcome != null ? outcome.reason() : null;
        return new PaymentEvent(UUID.randomUUID().toString(), before.id(), command.type(), before.provider(),
                providerReference, next, before.status() == next ? null : before.status(),
                command.amount().toPlainString(), command.currency(), fee == null ? null : fee.toPlainString(), reason,
                providerStatus, outcome == null ? null : outcome.customerAction(), source, now,
                command.metadata(), command.batch());
    }

    String toJson(PaymentEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise payment event", e);
        }
    }
}
