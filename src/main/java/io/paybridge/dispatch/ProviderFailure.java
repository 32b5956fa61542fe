package io.paybridge.dispatch;

/**
 * Why a provider call produced no answer to interpret. REFUSED and UNREACHABLE mean the
 * provider did not accept the request (after every retry); NO_ANSWER means it was sent and
 * nothing came back, so the provider may hold the payment.
 */
public record ProviderFailure(Kind kind, String message) {
    public enum Kind { REFUSED, UNREACHABLE, NO_ANSWER }

    /** The failure an exception around a provider call stands for, as {@link FailureClass} judges it. */
    public static ProviderFailure of(Throwable cause) {
        String message = cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (FailureClass.of(cause) != FailureClass.TRANSIENT) {
            return new ProviderFailure(Kind.NO_ANSWER, message);
        }
        return new ProviderFailure(cause instanceof ProviderBusyException ? Kind.REFUSED : Kind.UNREACHABLE, message);
    }

    /** True when the request certainly did not take effect at the provider. */
    public boolean notAccepted() {
        return kind != Kind.NO_ANSWER;
    }

    public FailureClass failureClass() {
        return notAccepted() ? FailureClass.TRANSIENT : FailureClass.AMBIGUOUS;
    }
}
