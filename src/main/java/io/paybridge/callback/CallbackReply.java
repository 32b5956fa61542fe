package io.paybridge.callback;

/**
 * The HTTP answer to a provider's callback: a status code and a small JSON body. When
 * {@code confirmPaymentId} is set, the provider's status API must be asked about that payment
 * before anything is recorded. {@code reason} is the metric label: the outcome word, or for a
 * callback that failed verification the kind of failure.
 */
public record CallbackReply(int status, String outcome, String detail, String confirmPaymentId, String reason) {

    public static CallbackReply of(int status, String outcome, String detail) {
        return new CallbackReply(status, outcome, detail, null, outcome);
    }

    public static CallbackReply confirming(String paymentId) {
        return new CallbackReply(200, "confirming", paymentId, paymentId, "confirming");
    }

    /** A callback that failed verification: 401, and why in the detail and (as a bounded code) in the reason. */
    public static CallbackReply rejected(String failure) {
        return new CallbackReply(401, "rejected", failure, null, RejectionReasons.classify(failure));
    }
}
