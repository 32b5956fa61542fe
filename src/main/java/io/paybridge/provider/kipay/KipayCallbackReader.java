package io.paybridge.provider.kipay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.provider.CallbackUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a verified Kipay callback as a hint only (NOTES.md): whatever {@code event} claims, the
 * update asks for the payment's status at Kipay ({@code transactions/verify/{reference}} or
 * {@code mpesa/stk-status/{reference}}) and that answer, not the callback, is recorded. The
 * payment is found by {@code data.reference}, Kipay's own reference.
 */
final class KipayCallbackReader {
    private final ObjectMapper json;

    KipayCallbackReader(ObjectMapper json) {
        this.json = json;
    }

    CallbackUpdate read(byte[] rawBody) {
        KipayMessages.Event event;
        try {
            event = json.readValue(rawBody, KipayMessages.Event.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Kipay callback is not JSON", e);
        }
        if (event.data() == null || event.data().reference() == null || event.data().reference().isBlank()) {
            return new CallbackUpdate(null, null, null); // nothing to look up
        }
        Outcome hint = Outcome.of(KipayStatusMapper.hint(event.event()), event.data().reference(), event.event());
        return CallbackUpdate.toConfirm(null, hint, null);
    }
}
