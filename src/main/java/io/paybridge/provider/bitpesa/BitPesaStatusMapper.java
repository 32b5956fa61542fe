package io.paybridge.provider.bitpesa;

import io.paybridge.model.PaymentStatus;
import io.paybridge.model.ReasonCodes;
import java.util.Locale;

/**
 * Every BitPesa state (NOTES.md) in one place. Only the transaction {@code state} decides the
 * payment's canonical status; a recipient in trouble while the transaction is still in flight
 * makes it NEEDS_REVIEW (someone must fix or cancel it at BitPesa), and the sender's state only
 * decides whether a transaction may be created at all. Unknown words keep the payment in flight.
 */
final class BitPesaStatusMapper {
    enum TransactionState { INITIAL, APPROVED, PENDING, PROCESSING, RECEIVED, MISPAID, MANUAL, PAID, CANCELED, REFUNDED, EXCEPTION, UNKNOWN }

    enum RecipientState { INITIAL, PENDING, SUCCESS, ERROR, REFUNDED, MANUAL, STUCK, OVERPAID, CANCELED, EXCEPTION, UNKNOWN }

    enum SenderState { INCOMPLETE, INITIAL, VERIFIED, APPROVED, BANNED, REJECTED, DISABLED, UNKNOWN }

    private BitPesaStatusMapper() {
    }

    /**
     * {@code refunded} after a payout that succeeded is a reversal; before one, the payout failed
     * and the money went back to the sender.
     */
    static PaymentStatus transaction(TransactionState state, boolean alreadySucceeded) {
        return switch (state) {
            case INITIAL, APPROVED, PENDING, PROCESSING, RECEIVED -> PaymentStatus.PENDING;
            case MISPAID, MANUAL, EXCEPTION -> PaymentStatus.NEEDS_REVIEW;
            case PAID -> PaymentStatus.SUCCEEDED;
            case CANCELED -> PaymentStatus.CANCELLED;
            case REFUNDED -> alreadySucceeded ? PaymentStatus.REVERSED : PaymentStatus.FAILED;
            case UNKNOWN -> PaymentStatus.PENDING;
        };
    }

    /** The canonical reason code for a recipient in trouble, or null when the recipient is fine or settled. */
    static String recipientProblem(RecipientState state) {
        return switch (state) {
            case INITIAL, PENDING, SUCCESS, REFUNDED, CANCELED, UNKNOWN -> null;
            case ERROR -> ReasonCodes.DECLINED;
            case MANUAL, STUCK, OVERPAID, EXCEPTION -> ReasonCodes.PROVIDER_ERROR;
        };
    }

    /** Only an approved (KYC'd) sender may fund a transaction. */
    static boolean senderMayFund(SenderState state) {
        return switch (state) {
            case APPROVED -> true;
            case INCOMPLETE, INITIAL, VERIFIED, BANNED, REJECTED, DISABLED, UNKNOWN -> false;
        };
    }

    static TransactionState transactionState(String raw) {
        return parse(TransactionState.class, raw, TransactionState.UNKNOWN);
    }

    static RecipientState recipientState(String raw) {
        return parse(RecipientState.class, raw, RecipientState.UNKNOWN);
    }

    static SenderState senderState(String raw) {
        return parse(SenderState.class, raw, SenderState.UNKNOWN);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, E unknown) {
        if (raw == null || raw.isBlank()) {
            return unknown;
        }
        try {
            E value = Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
            return value == unknown ? unknown : value;
        } catch (IllegalArgumentException notOurs) {
            return unknown;
        }
    }
}
