package io.paybridge.provider.bitpesa;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderRequest;
import java.util.Optional;

/**
 * When paybridge cancels a BitPesa transaction on its own ({@code DELETE /v1/transactions/{id}}),
 * every other cancel being an operator's call:
 * <ul>
 *   <li>its funding was refused: the transaction would sit unfunded at BitPesa for ever; the
 *       payment is already FAILED with the funding's reason, recorded before the cancel goes out,
 *       so BitPesa's {@code transaction.canceled} webhook cannot replace that reason;</li>
 *   <li>its recipient errored while it is still in flight and the command asked for it
 *       ({@code options.cancelOnRecipientError}): the payment ends CANCELLED on the cancel's answer
 *       (or BitPesa's webhook, whichever comes first).</li>
 * </ul>
 */
final class BitPesaCancels {
    /** {@link Outcome#providerStatus} of a payment whose transaction BitPesa refused to fund. */
    static final String UNFUNDED = "unfunded";
    /** {@code Reason.providerCode} of a transaction in flight whose recipient errored. */
    static final String RECIPIENT_ERROR = "recipient:error";

    private final BitPesaRequests requests;

    BitPesaCancels(BitPesaRequests requests) {
        this.requests = requests;
    }

    Optional<ProviderRequest> after(PaymentCommand command, PaymentSnapshot payment, Outcome outcome) {
        String transactionId = outcome.providerReference() != null ? outcome.providerReference() : payment.providerReference();
        if (transactionId == null) {
            return Optional.empty();
        }
        return unfunded(outcome) || recipientErrored(command, payment, outcome) ? Optional.of(requests.cancel(transactionId))
                : Optional.empty();
    }

    private static boolean unfunded(Outcome outcome) {
        return outcome.status() == PaymentStatus.FAILED && UNFUNDED.equals(outcome.providerStatus());
    }

    private static boolean recipientErrored(PaymentCommand command, PaymentSnapshot payment, Outcome outcome) {
        return command.cancelOnRecipientError() && !payment.status().isTerminal() && outcome.reason() != null
                && RECIPIENT_ERROR.equals(outcome.reason().providerCode());
    }
}
