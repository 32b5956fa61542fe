package io.paybridge.sandbox.bluepay;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kenyan MSISDN normalisation as BluePay applies it (NOTES.md, "M-Pesa conventions"):
 * {@code 07…}, {@code 01…}, {@code +2547…}, {@code +2541…}, {@code 2547…}, {@code 2541…} and a
 * bare 9-digit {@code 7…}/{@code 1…} number all become {@code 254} + the last 9 digits.
 */
final class BluePayPhone {

    // Only mobile ranges (7xx, and the newer 1xx) are accepted; a landline cannot take an STK.
    private static final Pattern ACCEPTED = Pattern.compile("(?:\\+?254|0)?[17]\\d{8}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private BluePayPhone() {
    }

    static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (!ACCEPTED.matcher(compact).matches()) {
            return Optional.empty();
        }
        return Optional.of("254" + compact.substring(compact.length() - 9));
    }

    /** The simulator's scripted outcome, chosen by the normalised phone number's last digits. */
    enum Outcome {
        SUCCEED, FAIL, NEVER_SETTLE;

        static Outcome forPhone(String normalisedPhone) {
            if (normalisedPhone.endsWith("999")) {
                return FAIL;
            }
            if (normalisedPhone.endsWith("998")) {
                return NEVER_SETTLE;
            }
            return SUCCEED;
        }
    }
}
