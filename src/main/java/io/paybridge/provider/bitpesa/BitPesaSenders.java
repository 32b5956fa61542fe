package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.crypto.Hex;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * Who sends the money. BitPesa wants one sender per real customer, created once and reused, so
 * each sender carries an {@code external_id} this bundle can find it by:
 * <ul>
 *   <li>{@code metadata.sender.external_id} when the ERP gives one (its customer number: best);</li>
 *   <li>else {@code erp-} + the first 32 hex of SHA-256 of the sender's lower-cased email, or of
 *       its phone number: stable across payouts without putting the address itself in an id;</li>
 *   <li>without {@code metadata.sender}, the merchant's own sender
 *       ({@code paybridge.bitpesa.default-sender-external-id}), which must already exist.</li>
 * </ul>
 * The other fields of {@code metadata.sender} (first_name, last_name, email, phone_country,
 * phone_number, country, city, street, postal_code, birth_date, documents, …) are passed to
 * {@code POST /v1/senders} as they are, only when no sender with that key exists yet.
 */
final class BitPesaSenders {
    static final String FIELD = "sender";

    /** The sender's key, and the details to create it with (null: must exist already). */
    record Sender(String externalId, ObjectNode details) {
    }

    private final String defaultExternalId;

    BitPesaSenders(String defaultExternalId) {
        this.defaultExternalId = defaultExternalId;
    }

    Sender of(PaymentCommand command, List<Violation> found) {
        JsonNode given = command.metadata() == null ? null : command.metadata().get(FIELD);
        if (given == null || given.isNull()) {
            if (defaultExternalId == null) {
                found.add(new Violation("metadata.sender", "bitpesa.sender.required", "BitPesa needs a sender: give metadata.sender "
                        + "(external_id and the sender's details) or configure paybridge.bitpesa.default-sender-external-id"));
            }
            return new Sender(defaultExternalId, null);
        }
        if (!given.isObject()) {
            found.add(new Violation("metadata.sender", "bitpesa.sender.object", "metadata.sender must be an object"));
            return new Sender(null, null);
        }
        ObjectNode details = ((ObjectNode) given).deepCopy();
        String key = text(details.remove("external_id"));
        if (key == null) {
            String email = text(details.get("email"));
            String phone = text(details.get("phone_number"));
            if (email == null && phone == null) {
                found.add(new Violation("metadata.sender.external_id", "bitpesa.sender.key", "metadata.sender needs external_id, "
                        + "email or phone_number so the same sender is reused"));
                return new Sender(null, null);
            }
            key = "erp-" + sha256(email != null ? email.toLowerCase(Locale.ROOT) : phone).substring(0, 32);
        }
        return new Sender(key, details);
    }

    private static String text(JsonNode value) {
        return value == null || !value.isValueNode() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static String sha256(String text) {
        try {
            return Hex.encode(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
