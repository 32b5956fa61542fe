package io.paybridge.provider.bitnovapay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.CallbackUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a verified BitnovaPay webhook: {@code payment.success}, {@code payment.failed},
 * {@code withdrawal.success}, {@code withdrawal.failed}. BitnovaPay never echoes our id, so the
 * ledger finds the payment by {@code data.reference}. The event name decides the outcome; a
 * known {@code data.status} contradicting it leaves the payment pending for reconciliation.
 */
final class BitnovaPayCallbackReader {
    private final ObjectMapper json;

    BitnovaPayCallbackReader(ObjectMapper json) {
        this.json = json;
    }

    CallbackUpdate read(byte[] rawBody) {
        BitnovaPayMessages.Event event;
        try {
            event = json.readValue(rawBody, BitnovaPayMessages.Event.class);
        } catch (IOException e) {
            throw new UncheckedIOException("BitnovaPay callback is not JSON", e);
        }
        PaymentStatus claimed = BitnovaPayStatusMapper.forEvent(event.event());
        BitnovaPayMessages.EventData data = event.data();
        if (claimed == null || data == null || data.reference() == null) {
            return new CallbackUpdate(null, null, null); // an event this bundle does not act on
        }
        String raw = data.status() != null ? data.status() : event.event();
        if (BitnovaPayStatusMapper.isKnown(data.status()) && BitnovaPayStatusMapper.toCanonical(data.status()) != claimed) {
            return new CallbackUpdate(null, Outcome.of(PaymentStatus.PENDING, data.reference(), raw), null);
        }
        Outcome outcome = Outcome.of(claimed, data.reference(), raw).withFee(data.fee());
        if (claimed == PaymentStatus.FAILED) {
            outcome = outcome.withReason(new Reason(ReasonCodes.DECLINED, "BitnovaPay reported " + event.event(), event.event()));
        }
        return new CallbackUpdate(null, outcome, null);
    }
}
