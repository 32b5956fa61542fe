package io.paybridge.ledger;

import java.time.Instant;

/** An event that is not a payment state change (a batch event), ready for the outbox. */
public record OutboxEvent(String eventId, String type, String payload, Instant time) {
}
