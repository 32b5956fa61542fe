package io.paybridge.provider;

import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;

/** What a connector needs to ask a provider about a payment it was sent. */
public record PaymentSnapshot(String id, PaymentType type, PaymentStatus status, String providerReference) {
}
