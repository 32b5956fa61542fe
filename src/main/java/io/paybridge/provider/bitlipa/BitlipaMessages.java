package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The gateway's answer and callback shape, read leniently from a tree: the document shows
 * {@code service_version} both as text and as a number, so only the fields this bundle uses are
 * typed, and {@code status}/{@code result.code} are accepted as numbers or digit strings.
 */
final class BitlipaMessages {
    private BitlipaMessages() {
    }

    /**
     * {@code order_id, transaction_id, status, result{code,message}, confirm_type, extra}. A blank
     * {@code transaction_id} is null: the document says such an answer gets no callback.
     */
    record Answer(String orderId, String transactionId, Integer status, Integer resultCode, String resultMessage,
                  int confirmType, JsonNode extra) {

        String extraText(String field) {
            JsonNode value = extra == null ? null : extra.get(field);
            return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
        }

        String rawStatus() {
            return status == null ? null : String.valueOf(status);
        }
    }

    /** The answer in {@code body}, or null when it is not a JSON object. */
    static Answer read(ObjectMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? of(node) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static Answer of(JsonNode node) {
        JsonNode result = node.path("result");
        JsonNode extra = node.get("extra");
        Integer confirm = integer(node.get("confirm_type"));
        return new Answer(text(node.get("order_id")), text(node.get("transaction_id")), integer(node.get("status")),
                integer(result.get("code")), text(result.get("message")), confirm == null ? 0 : confirm,
                extra != null && extra.isObject() ? extra : null);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
    }

    private static Integer integer(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.intValue();
        }
        String text = value.asText().trim();
        return text.matches("-?\\d{1,9}") ? Integer.valueOf(text) : null;
    }
}
