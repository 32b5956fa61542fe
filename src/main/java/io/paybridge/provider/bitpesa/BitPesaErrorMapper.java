package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * BitPesa's refusals in canonical terms. A 422 carries field errors in {@code object.errors} (or
 * top-level {@code errors}) as {@code {"phone_number": [{"error": "invalid"}]}}, possibly nested
 * ({@code recipients → 0 → payout_method → details → phone_number}); every leaf is collected, the
 * first decides the canonical code, and the message names the canonical field where one is known
 * ({@code customer.phone}) beside BitPesa's own path.
 */
final class BitPesaErrorMapper {
    /** One field error: BitPesa's dotted path and its error word. */
    record FieldError(String path, String error) {
        String leaf() {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }
    }

    private BitPesaErrorMapper() {
    }

    static Reason reason(int httpStatus, JsonNode body) {
        return reason(httpStatus, body, null);
    }

    /** {@code senderPrefix}: set for sender creation, whose fields all come from {@code metadata.sender.}. */
    static Reason reason(int httpStatus, JsonNode body, String senderPrefix) {
        List<FieldError> errors = fieldErrors(body);
        if (httpStatus == 422 && !errors.isEmpty()) {
            FieldError first = errors.get(0);
            StringBuilder message = new StringBuilder("BitPesa rejected ");
            for (int i = 0; i < errors.size(); i++) {
                FieldError e = errors.get(i);
                message.append(i == 0 ? "" : "; ").append(canonicalField(e, senderPrefix)).append(" (").append(e.path()).append("): ")
                        .append(e.error());
            }
            return new Reason(code(first), message.toString(), "422:" + first.path() + ":" + first.error());
        }
        String meta = body == null ? null : text(body.path("meta").path("error"));
        String code = switch (httpStatus) {
            case 400, 404, 405, 422 -> ReasonCodes.VALIDATION_FAILED;
            case 401, 403 -> ReasonCodes.AUTHENTICATION_FAILED;
            case 429, 503 -> ReasonCodes.PROVIDER_UNAVAILABLE;
            default -> httpStatus >= 500 ? ReasonCodes.PROVIDER_ERROR : ReasonCodes.DECLINED;
        };
        return new Reason(code, meta != null ? meta : "BitPesa answered HTTP " + httpStatus, "http:" + httpStatus);
    }

    /** True when BitPesa says a transaction with our {@code external_id} exists already. */
    static boolean isDuplicateExternalId(JsonNode body) {
        return fieldErrors(body).stream().anyMatch(e -> "external_id".equals(e.leaf()));
    }

    static List<FieldError> fieldErrors(JsonNode body) {
        List<FieldError> found = new ArrayList<>();
        if (body != null) {
            JsonNode errors = body.path("object").path("errors");
            collect(errors.isMissingNode() ? body.path("errors") : errors, "", found);
        }
        return found;
    }

    private static void collect(JsonNode node, String path, List<FieldError> found) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.has("error") && item.get("error").isValueNode()) {
                    found.add(new FieldError(path, item.get("error").asText()));
                } else {
                    collect(item, path + "." + i, found);
                }
            }
        }
    }

    private static String code(FieldError error) {
        return switch (error.leaf()) {
            case "phone_number" -> ReasonCodes.INVALID_PHONE;
            case "external_id" -> ReasonCodes.DUPLICATE_REFERENCE;
            case "amount", "balance", "input_amount" -> error.error().contains("insufficient") ? ReasonCodes.INSUFFICIENT_FLOAT
                    : ReasonCodes.VALIDATION_FAILED;
            default -> ReasonCodes.VALIDATION_FAILED;
        };
    }

    /** BitPesa's field as the canonical command names it where there is one, else BitPesa's own path. */
    static String canonicalField(FieldError error, String senderPrefix) {
        if (senderPrefix != null) {
            return senderPrefix + error.leaf(); // a sender's fields all come from metadata.sender
        }
        return switch (error.leaf()) {
            case "phone_number" -> "customer.phone";
            case "first_name", "last_name" -> "customer.name";
            case "bank_account" -> "customer.account";
            case "bank_code" -> "customer.bankCode";
            case "requested_amount", "amount", "input_amount" -> "amount";
            case "requested_currency", "currency", "input_currency" -> "currency";
            case "mobile_provider" -> "metadata.operator";
            case "external_id" -> "id";
            default -> error.path();
        };
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
