package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One state change of one payment, as the ERP receives it on the events topic. Amounts are
 * decimal strings so no consumer meets a float.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentEvent(
        String eventId,
        String paymentId,
        PaymentType type,
        String provider,
        String providerReference,
        PaymentStatus status,
        PaymentStatus previousStatus,
        String amount,
        String currency,
        String fee,
        Reason reason,
        String providerStatus,
        CustomerAction customerAction,
        EventSource source,
        Instant time,
        ObjectNode metadata,
        BatchRef batch) {
}
