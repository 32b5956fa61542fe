package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.bitlipa.BitlipaMessages.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a verified gateway callback ({@code order_id, transaction_id, status, …}). {@code order_id}
 * is our payment id; the delivery key is transaction id and status, so a repeated delivery of the
 * same state is recognised while a later state is not mistaken for a repeat.
 */
final class BitlipaCallbackReader {
    private final ObjectMapper json;
    private final BitlipaResponses responses;

    BitlipaCallbackReader(ObjectMapper json, BitlipaResponses responses) {
        this.json = json;
        this.responses = responses;
    }

    CallbackUpdate read(byte[] rawBody) {
        JsonNode node;
        try {
            node = json.readTree(rawBody);
        } catch (IOException e) {
            throw new UncheckedIOException("gateway callback is not JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("gateway callback is not a JSON object");
        }
        Answer answer = BitlipaMessages.of(node);
        Outcome outcome = responses.callback(answer);
        String key = (answer.transactionId() != null ? answer.transactionId() : answer.orderId()) + ":" + answer.rawStatus();
        return new CallbackUpdate(answer.orderId(), outcome.status() == null ? null : outcome, key);
    }
}
