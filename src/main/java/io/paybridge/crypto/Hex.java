package io.paybridge.crypto;

import java.util.HexFormat;

/** Lowercase hex, the form every provider here uses for signatures. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /** Decodes hex of either case; null when the text is not even-length hex. */
    public static byte[] decodeOrNull(String text) {
        return text == null ? null : decodeOrNull(text, 0, text.length());
    }

    /**
     * The bytes of a signature header value: {@code prefix} then exactly {@code 2 × bytes} hex
     * digits of either case, nothing else; null otherwise. Decodes in place, without a regex or a
     * copy of the text, because it runs on every callback.
     */
    public static byte[] decodeOrNull(String text, String prefix, int bytes) {
        if (text == null || text.length() != prefix.length() + 2 * bytes || !text.startsWith(prefix)) {
            return null;
        }
        return decodeOrNull(text, prefix.length(), text.length());
    }

    private static byte[] decodeOrNull(String text, int from, int to) {
        if ((to - from) % 2 != 0) {
            return null;
        }
        try {
            return LOWER.parseHex(text, from, to); // parsing accepts either case whatever the format's case
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
