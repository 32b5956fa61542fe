package io.paybridge.provider.bluepay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.ProviderResponse;
import java.io.IOException;

/** Reads BluePay's answers into canonical outcomes. */
final class BluePayResponses {
    private final ObjectMapper json;

    BluePayResponses(ObjectMapper json) {
        this.json = json;
    }

    Outcome stkAccepted(ProviderResponse response) {
        BluePayMessages.StkResponse stk = read(response, BluePayMessages.StkResponse.class);
        if (stk == null || !stk.ok() || stk.checkoutRequestId() == null) {
            return unreadable(response);
        }
        return Outcome.of(PaymentStatus.PENDING, stk.checkoutRequestId(), "STK_SENT");
    }

    Outcome payout(ProviderResponse response) {
        BluePayMessages.PayoutResponse answer = read(response, BluePayMessages.PayoutResponse.class);
        BluePayMessages.Payout payout = answer == null ? null : answer.payout();
        if (payout == null || payout.id() == null) {
            return unreadable(response);
        }
        Outcome outcome = Outcome.of(BluePayStatusMapper.toCanonical(payout.status()), payout.id(), payout.status())
                .withFee(payout.transactionFee() != null ? payout.transactionFee() : answer.transactionFee());
        return withUnknownNote(outcome, payout.status());
    }

    Outcome paymentStatus(ProviderResponse response) {
        BluePayMessages.PaymentStatusResponse status = read(response, BluePayMessages.PaymentStatusResponse.class);
        if (status == null) {
            return unreadable(response);
        }
        if (!status.found()) {
            // Asked by account_reference = our id: BluePay never received this STK push.
            return Outcome.unknownToProvider("NOT_FOUND");
        }
        String raw = status.stkStatus() != null ? status.stkStatus() : status.order() == null ? null : status.order().status();
        if (status.paid()) {
            boolean confirming = status.payment() != null && status.payment().pendingConfirmation();
            return Outcome.of(confirming ? PaymentStatus.PENDING : PaymentStatus.SUCCEEDED, status.checkoutRequestId(), raw);
        }
        if (status.failed()) {
            return Outcome.of(PaymentStatus.FAILED, status.checkoutRequestId(), raw)
                    .withReason(new Reason(ReasonCodes.DECLINED, "BluePay reports the STK push failed", raw));
        }
        return withUnknownNote(Outcome.of(BluePayStatusMapper.toCanonical(raw), status.checkoutRequestId(), raw), raw);
    }

    Outcome error(ProviderResponse response) {
        return BluePayErrorMapper.map(response.statusCode(), read(response, BluePayMessages.ErrorEnvelope.class));
    }

    private Outcome unreadable(ProviderResponse response) {
        // A 2xx we cannot read may still mean BluePay took the payment: only its status can tell.
        return Outcome.of(PaymentStatus.NEEDS_REVIEW, null, "HTTP " + response.statusCode())
                .withReason(Reason.of(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "BluePay answered in a shape this bundle cannot read"));
    }

    private static Outcome withUnknownNote(Outcome outcome, String raw) {
        if (BluePayStatusMapper.isKnown(raw)) {
            return outcome;
        }
        return outcome.withReason(new Reason(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "BluePay status not recognised: " + raw, raw));
    }

    private <T> T read(ProviderResponse response, Class<T> type) {
        if (response.body() == null || response.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            return null;
        }
    }
}
