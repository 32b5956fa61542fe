package io.paybridge.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.provider.bitlipa.BitlipaSigner;
import io.paybridge.provider.bitnovapay.BitnovaPayWebhookVerifier;
import io.paybridge.provider.bluepay.BluePayWebhookVerifier;
import io.paybridge.provider.kipay.KipayWebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds callbacks the way each provider signs them, with the right secret or a wrong one, so an
 * attack test can send genuine, forged, tampered and stale deliveries. A callback is its exact
 * bytes plus its headers; tampering changes bytes after signing.
 */
final class CallbackForger {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROVIDERS_PUBLIC_BITPESA_URL = "https://payments.example.com/callbacks/bitpesa";

    record Callback(byte[] body, Map<String, String> headers) {
        Callback tampered() {
            String text = new String(body, StandardCharsets.UTF_8);
            String changed = text.contains("success") ? text.replaceFirst("success", "failed")
                    : text.contains("paid") ? text.replaceFirst("paid", "canceled") : text.replaceFirst("\"2\"|:2", ":3");
            if (changed.equals(text)) {
                changed = text.replaceFirst("\\}$", ",\"x\":1}");
            }
            return new Callback(changed.getBytes(StandardCharsets.UTF_8), headers);
        }

        /** The same body without any signature (Bitlipa signs inside the body: the field is removed). */
        Callback unsigned() {
            try {
                var node = JSON.readTree(body);
                if (node.isObject() && node.has("signature")) {
                    ((ObjectNode) node).remove("signature");
                    return new Callback(JSON.writeValueAsBytes(node), Map.of("Content-Type", "application/json"));
                }
            } catch (java.io.IOException notJson) {
                // sent as it is
            }
            return new Callback(body, Map.of("Content-Type", "application/json"));
        }
    }

    /** Secrets of each provider as configured in the bundle under test. */
    record Secrets(String bluePay, String bitnovaPay, String kipay, String bitlipa, String bitPesaKey, String bitPesaSecret) {
    }

    private final Secrets secrets;

    CallbackForger(Secrets secrets) {
        this.secrets = secrets;
    }

    /** A callback saying payment {@code id} (provider reference {@code ref}) succeeded, signed with {@code secret}. */
    Callback success(String provider, String id, String ref, boolean genuine) {
        return success(provider, id, ref, genuine, Instant.now());
    }

    Callback success(String provider, String id, String ref, boolean genuine, Instant at) {
        String wrong = "not-the-secret-" + UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        byte[] body;
        switch (provider) {
            case "bluepay" -> {
                body = bytes("{\"event\":\"mpesa.b2c.success\",\"data\":{\"id\":\"" + ref + "\",\"status\":\"SUCCESS\","
                        + "\"external_reference\":\"" + id + "\",\"transaction_fee\":15}}");
                headers.put("X-BluePay-Signature", new BluePayWebhookVerifier(genuine ? secrets.bluePay() : wrong).signatureFor(body));
                headers.put("X-BluePay-Event", "mpesa.b2c.success");
                headers.put("Idempotency-Key", "dlv-" + id);
            }
            case "bitnovapay" -> {
                body = bytes("{\"event\":\"withdrawal.success\",\"timestamp\":" + at.getEpochSecond() + ",\"data\":{\"reference\":\""
                        + ref + "\",\"module\":\"withdrawal\",\"amount\":100,\"fee\":1,\"method\":\"mpesa\",\"status\":\"success\"}}");
                headers.put("X-BitnovaPay-Signature", BitnovaPayWebhookVerifier.signatureFor(body, genuine ? secrets.bitnovaPay() : wrong));
            }
            case "kipay" -> {
                body = bytes("{\"event\":\"charge.success\",\"data\":{\"reference\":\"" + ref + "\",\"status\":\"success\"}}");
                headers.put("X-Kipay-Signature", new KipayWebhookVerifier(genuine ? secrets.kipay() : wrong).signatureFor(body));
            }
            case "bitlipa" -> {
                ObjectNode node = JSON.createObjectNode();
                node.put("order_id", id);
                node.put("transaction_id", ref);
                node.put("status", 2);
                node.put("customer_id", "254712345678");
                node.put("provider_id", 347);
                node.put("amount", "100.00");
                body = bytes(new BitlipaSigner(genuine ? secrets.bitlipa() : wrong).signed(node).toString());
            }
            case "bitpesa" -> {
                body = bytes("{\"webhook\":\"wh-1\",\"event\":\"transaction.paid_out\",\"object\":{\"id\":\"" + ref
                        + "\",\"state\":\"paid\",\"external_id\":\"" + id + "\",\"input_amount\":100,\"input_currency\":\"KES\"}}");
                String nonce = UUID.randomUUID().toString();
                headers.put("Authorization-Key", secrets.bitPesaKey());
                headers.put("Authorization-Nonce", nonce);
                headers.put("Authorization-Signature", bitPesaSignature(genuine ? secrets.bitPesaSecret() : wrong, nonce, body));
            }
            default -> throw new IllegalArgumentException(provider);
        }
        return new Callback(body, headers);
    }

    /** Signs arbitrary bytes as {@code provider} would (Bitlipa signs inside the body, so its bytes are left alone). */
    Map<String, String> signAny(String provider, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (provider) {
            case "bluepay" -> headers.put("X-BluePay-Signature", new BluePayWebhookVerifier(secrets.bluePay()).signatureFor(body));
            case "bitnovapay" -> headers.put("X-BitnovaPay-Signature", BitnovaPayWebhookVerifier.signatureFor(body, secrets.bitnovaPay()));
            case "kipay" -> headers.put("X-Kipay-Signature", new KipayWebhookVerifier(secrets.kipay()).signatureFor(body));
            case "bitpesa" -> {
                String nonce = UUID.randomUUID().toString();
                headers.put("Authorization-Key", secrets.bitPesaKey());
                headers.put("Authorization-Nonce", nonce);
                headers.put("Authorization-Signature", bitPesaSignature(secrets.bitPesaSecret(), nonce, body));
            }
            default -> { }
        }
        return headers;
    }

    private static String bitPesaSignature(String secret, String nonce, byte[] body) {
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(body));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            String text = nonce + "&POST&" + PROVIDERS_PUBLIC_BITPESA_URL + "&" + bodyHash;
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
