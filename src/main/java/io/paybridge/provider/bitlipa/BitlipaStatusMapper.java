package io.paybridge.provider.bitlipa;

import io.paybridge.model.PaymentStatus;

/**
 * The document's status table (−1…6), "only this parameter determines the status of the
 * transaction". −1 (undefined) is handled by the callers: on a status query it means "not
 * found"; on a payment answer the outcome is unknown. Unknown codes keep the payment in flight
 * so reconciliation keeps asking instead of guessing.
 */
final class BitlipaStatusMapper {
    /** The document's code names, with {@link #UNKNOWN} for anything else. */
    enum Code {
        UNDEFINED(-1), INITIATED(0), IN_PROGRESS(1), SUCCESS(2), FAILED(3), CANCELLED(4), CANCELLED_PARTIALLY(5), IN_TRANSIT(6),
        UNKNOWN(Integer.MIN_VALUE);

        final int value;

        Code(int value) {
            this.value = value;
        }

        static Code of(Integer value) {
            if (value != null) {
                for (Code code : values()) {
                    if (code.value == value) {
                        return code;
                    }
                }
            }
            return UNKNOWN;
        }
    }

    private BitlipaStatusMapper() {
    }

    static PaymentStatus toCanonical(Code code) {
        return switch (code) {
            case INITIATED, IN_PROGRESS -> PaymentStatus.PENDING;
            // cash held but not yet received by the customer: still moving
            case IN_TRANSIT -> PaymentStatus.PENDING;
            case SUCCESS -> PaymentStatus.SUCCEEDED;
            case FAILED -> PaymentStatus.FAILED;
            case CANCELLED -> PaymentStatus.CANCELLED;
            // part of the money moved (POS payments): a person must settle the rest
            case CANCELLED_PARTIALLY -> PaymentStatus.NEEDS_REVIEW;
            case UNDEFINED -> PaymentStatus.NEEDS_REVIEW;
            case UNKNOWN -> PaymentStatus.PENDING;
        };
    }
}
