package io.paybridge.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Normalises phone numbers to E.164 with libphonenumber, reading national forms by the payment's country. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** {@code 0712 345 678} in KE → {@code +254712345678}; empty when the number is not valid. */
    public static Optional<String> toE164(String raw, String country) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim();
        // ERPs often drop the '+' from international numbers ("254712345678").
        if (!text.startsWith("+") && !text.startsWith("0") && text.replaceAll("[\\s-]", "").length() > 10) {
            text = "+" + text;
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, country);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
