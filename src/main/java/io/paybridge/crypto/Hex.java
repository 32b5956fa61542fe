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
        if (text == null || text.length() % 2 != 0) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(text.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
