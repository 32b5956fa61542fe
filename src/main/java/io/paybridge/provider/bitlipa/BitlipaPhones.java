package io.paybridge.provider.bitlipa;

import io.paybridge.provider.bitlipa.BitlipaCatalog.PhoneFormat;
import java.util.Optional;

/** Writes an E.164 number the way a gateway country (or operator) wants it in {@code customer_id}. */
final class BitlipaPhones {
    private BitlipaPhones() {
    }

    /**
     * {@code +254712345678} → {@code 254712345678} (international), {@code 0712345678}
     * (national-0) or {@code 712345678} (national); empty when the number is not of the
     * country or has the wrong number of digits.
     */
    static Optional<String> format(String e164, PhoneFormat format) {
        String dial = "+" + format.dialCode();
        if (e164 == null || !e164.startsWith(dial)) {
            return Optional.empty();
        }
        String national = e164.substring(dial.length());
        if (!national.matches("\\d+") || !format.digits().contains(national.length())) {
            return Optional.empty();
        }
        return Optional.of(switch (format.form()) {
            case "national-0" -> "0" + national;
            case "national" -> national;
            default -> format.dialCode() + national;
        });
    }
}
