package io.paybridge.provider.bitnovapay;

import io.paybridge.model.PaymentStatus;
import java.util.Locale;

/**
 * Every status word BitnovaPay uses, in one place: payment and transaction {@code status}
 * ({@code pending}, {@code completed}, {@code failed}: the transactions filter's vocabulary, the
 * STK answer's {@code pending}, the webhook's {@code completed}) and the outcome half of the
 * webhook event names ({@code payment.success}, {@code withdrawal.failed}). Anything else keeps
 * the payment in flight (PENDING) so reconciliation keeps asking rather than guessing.
 */
final class BitnovaPayStatusMapper {
    enum Word { PENDING, COMPLETED, SUCCESS, FAILED, UNKNOWN }

    private BitnovaPayStatusMapper() {
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
            case COMPLETED, SUCCESS -> PaymentStatus.SUCCEEDED;
            case FAILED -> PaymentStatus.FAILED;
            case UNKNOWN -> PaymentStatus.PENDING;
        };
    }

    static boolean isKnown(String raw) {
        return parse(raw) != Word.UNKNOWN;
    }

    /** {@code payment.success} → SUCCEEDED, {@code withdrawal.failed} → FAILED; null for any other event. */
    static PaymentStatus forEvent(String event) {
        if (event == null) {
            return null;
        }
        return switch (event) {
            case "payment.success", "withdrawal.success" -> PaymentStatus.SUCCEEDED;
            case "payment.failed", "withdrawal.failed" -> PaymentStatus.FAILED;
            default -> null;
        };
    }
}
