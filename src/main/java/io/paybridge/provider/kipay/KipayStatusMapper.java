package io.paybridge.provider.kipay;

import io.paybridge.model.PaymentStatus;
import java.util.Locale;

/**
 * Every status word Kipay uses for a transaction, in one place: {@code pending},
 * {@code completed}, {@code failed} (kipay.txt's list filter and answers), and the callback
 * events {@code charge.success|failed|pending} (NOTES.md), which are only hints. Anything else
 * keeps the payment in flight (PENDING) so reconciliation keeps asking rather than guessing.
 */
final class KipayStatusMapper {
    enum Word { PENDING, COMPLETED, FAILED, UNKNOWN }

    private KipayStatusMapper() {
    }

    static Word parse(String raw) {
        if (raw == null) {
            return Word.UNKNOWN;
        }
        try {
            return Word.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notOurs) {
            return Word.UNKNOWN;
        }
    }

    static PaymentStatus toCanonical(String raw) {
        return switch (parse(raw)) {
            case PENDING -> PaymentStatus.PENDING;
            case COMPLETED -> PaymentStatus.SUCCEEDED;
            case FAILED -> PaymentStatus.FAILED;
            case UNKNOWN -> PaymentStatus.PENDING;
        };
    }

    static boolean isKnown(String raw) {
        return parse(raw) != Word.UNKNOWN;
    }

    /** What a callback event claims; never recorded as such, only a reason to ask Kipay. */
    static PaymentStatus hint(String event) {
        if (event == null) {
            return PaymentStatus.PENDING;
        }
        return switch (event) {
            case "charge.success" -> PaymentStatus.SUCCEEDED;
            case "charge.failed" -> PaymentStatus.FAILED;
            default -> PaymentStatus.PENDING; // charge.pending and anything newer
        };
    }
}
