package io.paybridge.callback;

/**
 * The HTTP answer to a provider's callback: a status code and a small JSON body. When
 * {@code confirmPaymentId} is set, the provider's status API must be asked about that payment
 * before anything is recorded.
 */
public record CallbackReply(int status, String outcome, String detail, String confirmPaymentId) {

    public static CallbackReply of(int status, String outcome, String detail) {
        return new CallbackReply(status, outcome, detail, null);
    }

    public static CallbackReply confirming(String paymentId) {
        return new CallbackReply(200, "confirming", paymentId, paymentId);
    }
}
