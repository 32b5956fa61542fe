package io.paybridge.callback;

/** The HTTP answer to a provider's callback: a status code and a small JSON body. */
public record CallbackReply(int status, String outcome, String detail) {

    public static CallbackReply of(int status, String outcome, String detail) {
        return new CallbackReply(status, outcome, detail);
    }
}
