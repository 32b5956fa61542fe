package io.paybridge.provider.bluepay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a verified BluePay webhook. STK events name our id in {@code data.account_reference},
 * payout events in {@code data.external_reference}. Wallet top-up events concern no payment.
 */
final class BluePayCallbackReader {
    private final ObjectMapper json;

    BluePayCallbackReader(ObjectMapper json) {
        this.json = json;
    }

    CallbackUpdate read(byte[] rawBody, CallbackHeaders headers) {
        BluePayMessages.Event event;
        try {
            event = json.readValue(rawBody, BluePayMessages.Event.class);
        } catch (IOException e) {
            throw new UncheckedIOException("BluePay callback is not JSON", e);
        }
        String name = event.event() != null ? event.event() : headers.get("X-BluePay-Event");
        String deliveryKey = headers.get("Idempotency-Key");
        BluePayMessages.EventData data = event.data();
        if (name == null || data == null) {
            return new CallbackUpdate(null, null, deliveryKey);
        }
        return switch (name) {
            case "mpesa.payment.received", "mpesa.payment.failed" -> new CallbackUpdate(
                    data.accountReference(), outcome(name, data, data.checkoutRequestId()), deliveryKey);
            case "mpesa.b2c.success", "mpesa.b2c.failed" -> new CallbackUpdate(
                    data.externalReference(), outcome(name, data, data.id()).withFee(data.transactionFee()), deliveryKey);
            default -> new CallbackUpdate(null, null, deliveryKey); // top-ups and future events: nothing to apply
        };
    }

    private static Outcome outcome(String eventName, BluePayMessages.EventData data, String providerReference) {
        PaymentStatus status = eventName.endsWith("failed") ? PaymentStatus.FAILED : PaymentStatus.SUCCEEDED;
        if (BluePayStatusMapper.isKnown(data.status())) {
            status = BluePayStatusMapper.toCanonical(data.status());
        }
        String raw = data.status() != null ? data.status() : eventName;
        Outcome outcome = Outcome.of(status, providerReference, raw);
        if (status == PaymentStatus.FAILED) {
            String why = data.resultDesc() != null ? data.resultDesc() : "BluePay reported " + eventName;
            outcome = outcome.withReason(new Reason(ReasonCodes.DECLINED, why, eventName));
        }
        return outcome;
    }
}
