package io.paybridge.provider.bluepay;

import io.paybridge.model.PaymentStatus;
import java.util.Locale;

/**
 * Every status word BluePay uses, in one place: {@code stk_status} (PENDING, SUCCESS, FAILED),
 * {@code order.status} (pending, completed, failed), payout {@code status} (PENDING, SUCCESS,
 * FAILED, REVERSED) and callback {@code data.status} (success, failed). Anything else keeps the
 * payment in flight (PENDING) so reconciliation keeps asking rather than guessing an outcome.
 */
final class BluePayStatusMapper {
    enum Word { PENDING, SUCCESS, COMPLETED, PAID, FAILED, REVERSED, UNKNOWN }

    private BluePayStatusMapper() {
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
            case SUCCESS, COMPLETED, PAID -> PaymentStatus.SUCCEEDED;
            case FAILED -> PaymentStatus.FAILED;
            case REVERSED -> PaymentStatus.REVERSED;
            case UNKNOWN -> PaymentStatus.PENDING;
        };
    }

    static boolean isKnown(String raw) {
        return parse(raw) != Word.UNKNOWN;
    }
}
