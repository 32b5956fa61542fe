package io.paybridge.crypto;

/** Masks phone and account numbers for logs: keeps enough to recognise, not enough to use. */
public final class Masking {
    private Masking() {
    }

    /** {@code 254712345678} → {@code 2547****678}; short values become {@code ****}. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (digits.length() < 8) {
            return "****";
        }
        return digits.substring(0, 4) + "****" + digits.substring(digits.length() - 3);
    }
}
