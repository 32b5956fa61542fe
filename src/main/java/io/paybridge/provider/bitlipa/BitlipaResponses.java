package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.bitlipa.BitlipaCatalog.C2bFlow;
import io.paybridge.provider.bitlipa.BitlipaMessages.Answer;
import io.paybridge.provider.bitlipa.BitlipaStatusMapper.Code;

/**
 * Reads the gateway's answers into canonical outcomes. HTTP 200 is not success: a non-zero
 * {@code result.code} is a refusal. On a payment answer that contradicts itself (a refusal code
 * beside an in-flight or successful status) nothing is assumed: NEEDS_REVIEW, and the status
 * method decides. On a status answer the {@code status} field is authoritative (NOTES.md), and
 * {@code -1} means the gateway holds no such order.
 */
final class BitlipaResponses {
    private final ObjectMapper json;

    BitlipaResponses(ObjectMapper json) {
        this.json = json;
    }

    /** The answer to {@code payment_c2b} / {@code payment_b2c} (HTTP 2xx). */
    Outcome payment(ProviderResponse response, C2bFlow flow) {
        Answer answer = BitlipaMessages.read(json, response.body());
        if (answer == null || answer.status() == null && answer.resultCode() == null) {
            return unreadable(response);
        }
        Code code = Code.of(answer.status());
        if (answer.resultCode() != null && answer.resultCode() != 0) {
            boolean refused = answer.status() == null || code == Code.UNDEFINED || code == Code.FAILED || code == Code.CANCELLED;
            if (refused) {
                return Outcome.of(PaymentStatus.FAILED, answer.transactionId(), answer.rawStatus())
                        .withReason(BitlipaErrorMapper.result(answer.resultCode(), answer.resultMessage()));
            }
            return Outcome.of(PaymentStatus.NEEDS_REVIEW, answer.transactionId(), answer.rawStatus())
                    .withReason(new Reason(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "the gateway answered result code "
                            + answer.resultCode() + " with status " + answer.status() + "; its status method decides",
                            "result:" + answer.resultCode()));
        }
        if (answer.status() == null) {
            return unreadable(response);
        }
        if (code == Code.UNDEFINED) {
            return Outcome.of(PaymentStatus.NEEDS_REVIEW, answer.transactionId(), answer.rawStatus())
                    .withReason(new Reason(ReasonCodes.AMBIGUOUS_OUTCOME, "the gateway answered status -1 (undefined)", "-1"));
        }
        return mapped(answer, code, flow);
    }

    /** The answer to {@code status}; an outcome with no status when it tells nothing. */
    Outcome status(ProviderResponse response, C2bFlow flow) {
        if (!response.isSuccess()) {
            return Outcome.nothingKnown("HTTP " + response.statusCode());
        }
        Answer answer = BitlipaMessages.read(json, response.body());
        if (answer == null || answer.status() == null) {
            return Outcome.nothingKnown(answer == null ? "unreadable" : "result:" + answer.resultCode());
        }
        Code code = Code.of(answer.status());
        if (code == Code.UNDEFINED) {
            // Asked by order_id = our id, -1 is "not found" (NOTES.md): the gateway never took the order.
            // Were it only "not yet known", the one resend this allows is still safe: order_id is
            // the gateway's idempotency key.
            return Outcome.unknownToProvider("-1");
        }
        Outcome outcome = mapped(answer, code, flow);
        if (outcome.status() == PaymentStatus.FAILED && answer.resultCode() != null && answer.resultCode() != 0) {
            outcome = outcome.withReason(BitlipaErrorMapper.result(answer.resultCode(), answer.resultMessage()));
        }
        return outcome;
    }

    /** A callback body, already verified. */
    Outcome callback(Answer answer) {
        Code code = Code.of(answer.status());
        return code == Code.UNDEFINED || answer.status() == null ? Outcome.nothingKnown(answer.rawStatus()) : mapped(answer, code, null);
    }

    private static Outcome mapped(Answer answer, Code code, C2bFlow flow) {
        PaymentStatus status = BitlipaStatusMapper.toCanonical(code);
        if (answer.confirmType() != 0 && status != PaymentStatus.FAILED && status != PaymentStatus.CANCELLED) {
            status = PaymentStatus.PENDING; // the gateway waits for a confirmation before anything is final
        }
        Outcome outcome = Outcome.of(status, answer.transactionId(), answer.rawStatus());
        switch (status) {
            case PENDING -> outcome = outcome.withCustomerAction(BitlipaActions.of(answer, flow));
            case FAILED -> outcome = outcome.withReason(new Reason(ReasonCodes.DECLINED, "the gateway reports the operation failed",
                    answer.rawStatus()));
            case CANCELLED -> outcome = outcome.withReason(new Reason(ReasonCodes.CUSTOMER_DECLINED,
                    "the gateway reports the operation cancelled", answer.rawStatus()));
            case NEEDS_REVIEW -> outcome = outcome.withReason(new Reason(ReasonCodes.UNKNOWN_PROVIDER_STATUS,
                    "the gateway reports the operation cancelled partially; settle the remainder by hand", answer.rawStatus()));
            default -> { }
        }
        if (code == Code.UNKNOWN) {
            outcome = outcome.withReason(new Reason(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "gateway status not recognised: "
                    + answer.status(), answer.rawStatus()));
        }
        return outcome;
    }

    private static Outcome unreadable(ProviderResponse response) {
        // a 2xx we cannot read may still mean the gateway took the order: only its status can tell
        return Outcome.of(PaymentStatus.NEEDS_REVIEW, null, "HTTP " + response.statusCode())
                .withReason(Reason.of(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "the gateway answered in a shape this bundle cannot read"));
    }
}
