package io.paybridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The body of {@code POST /admin/dlq/replay}: either one record ({@code partition}, {@code offset},
 * optionally an operator-corrected {@code command} to send instead of the record's bytes) or every
 * record not yet replayed ({@code "all": true}, optionally of one {@code errorClass}, at most
 * {@code limit}; records that are the refusal of an earlier replay are left out). {@code force}
 * replays records that were replayed before (with "all": every record of the topic).
 */
record ReplayRequest(Integer partition, Long offset, byte[] corrected, boolean all, String errorClass, int limit,
        boolean force) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** The request, or an {@link IllegalArgumentException} naming the field and rule. */
    static ReplayRequest parse(byte[] body, ObjectMapper json) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body: not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("body: a JSON object is required, e.g. {\"partition\":0,\"offset\":12}");
        }
        boolean all = node.path("all").asBoolean(false);
        boolean force = node.path("force").asBoolean(false);
        int limit = node.has("limit") ? node.path("limit").asInt(-1) : DEFAULT_LIMIT;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be a whole number from 1 to " + MAX_LIMIT);
        }
        String errorClass = node.hasNonNull("errorClass") ? node.get("errorClass").asText() : null;
        JsonNode command = node.get("command");
        if (all) {
            if (node.has("partition") || node.has("offset") || command != null) {
                throw new IllegalArgumentException("all: cannot be combined with partition, offset or command");
            }
            return new ReplayRequest(null, null, null, true, errorClass, limit, force);
        }
        if (!node.path("partition").canConvertToInt() || !node.path("offset").canConvertToLong()
                || node.path("partition").asInt() < 0 || node.path("offset").asLong() < 0) {
            throw new IllegalArgumentException("partition, offset: both required (whole numbers ≥ 0), or \"all\": true");
        }
        if (command != null && !command.isObject()) {
            throw new IllegalArgumentException("command: must be a payment command JSON object");
        }
        byte[] corrected = command == null ? null : toBytes(json, command);
        return new ReplayRequest(node.get("partition").asInt(), node.get("offset").asLong(), corrected, false, errorClass,
                1, force);
    }

    private static byte[] toBytes(ObjectMapper json, JsonNode command) {
        try {
            return json.writeValueAsBytes(command);
        } catch (IOException e) {
            throw new IllegalArgumentException("command: " + e.getMessage());
        }
    }
}
