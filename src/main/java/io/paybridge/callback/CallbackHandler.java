package io.paybridge.callback;

import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.Payment;
import io.paybridge.model.EventSource;
import io.paybridge.model.PaymentEvent;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.Verification;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /callbacks/{provider}}: verify the raw bytes first, then read, then apply to the
 * ledger only if it moves the payment forward. Nothing is recorded for a callback that fails
 * verification, and its body is never logged.
 */
public final class CallbackHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackHandler.class);

    private final ConnectorRegistry connectors;
    private final Ledger ledger;

    public CallbackHandler(ConnectorRegistry connectors, Ledger ledger) {
        this.connectors = connectors;
        this.ledger = ledger;
    }

    public CallbackReply handle(String provider, byte[] rawBody, CallbackHeaders headers) {
        Optional<Connector> connector = connectors.find(provider);
        if (connector.isEmpty()) {
            return CallbackReply.of(404, "unknown-provider", "no provider named '" + provider + "'");
        }
        byte[] body = rawBody == null ? new byte[0] : rawBody;
        Verification verification = connector.get().webhookVerifier().verify(body, headers);
        if (!verification.valid()) {
            CallbackReply rejected = CallbackReply.rejected(verification.failure());
            LOG.warn("{} callback rejected [{}] ({} bytes): {}", provider, rejected.reason(), body.length, verification.failure());
            return rejected;
        }
        CallbackUpdate update;
        try {
            update = connector.get().readCallback(body, headers);
        } catch (UncheckedIOException | IllegalArgumentException unreadable) {
            LOG.warn("{} callback signed but unreadable: {}", provider, unreadable.getMessage());
            return CallbackReply.of(400, "unreadable", "callback body is not the provider's JSON");
        } catch (RuntimeException odd) {
            // Signed JSON of an unexpected shape ("null", a list, a string) trips a reader: still the sender's fault.
            LOG.warn("{} callback signed but not of the expected shape: {}", provider, odd.getClass().getSimpleName());
            return CallbackReply.of(400, "unreadable", "callback body is not the provider's JSON");
        }
        if (update.outcome() == null) {
            return CallbackReply.of(200, "ignored", "event concerns no payment");
        }
        Optional<Payment> payment = locate(provider, update);
        if (payment.isEmpty()) {
            LOG.warn("{} callback for a payment this ledger does not hold (reference {})", provider,
                    update.outcome().providerReference());
            return CallbackReply.of(202, "unknown-payment", "no payment matches this callback");
        }
        Optional<CallbackReply> otherAttempt = otherAttempt(provider, payment.get(), update);
        if (otherAttempt.isPresent()) {
            return otherAttempt.get();
        }
        if (update.confirm()) {
            return CallbackReply.confirming(payment.get().id()); // a hint only: the status API decides
        }
        Optional<PaymentEvent> event = ledger.apply(payment.get().id(), update.outcome(), EventSource.CALLBACK);
        // Recorded after applying, so a delivery that failed half-way is applied when the provider retries it;
        // a repeat changes nothing either way (forward-only), the key only names it in the answer and metrics.
        boolean repeat = update.deliveryKey() != null && !ledger.firstDelivery(provider, update.deliveryKey());
        event.ifPresent(e -> LOG.info("payment {} is {} (callback from {})", e.paymentId(), e.status(), provider));
        return CallbackReply.of(200, event.isPresent() ? "applied" : repeat ? "duplicate" : "unchanged", payment.get().id());
    }

    /**
     * A payment sent twice (the idempotent resend after a lost answer) may have two objects at the
     * provider: BluePay lets a failed payout's reference be used again. An update naming the
     * other one must not decide the payment, or a late "failed" of the first attempt would mark
     * FAILED a payment whose second attempt pays. While the resend's own answer is still awaited
     * the update cannot be told apart, so the provider is asked to deliver it again later.
     */
    private static Optional<CallbackReply> otherAttempt(String provider, Payment payment, CallbackUpdate update) {
        if (payment.attempts() < 2) {
            return Optional.empty();
        }
        String named = update.outcome().providerReference();
        String held = payment.providerReference();
        if (held == null && payment.status() == PaymentStatus.SUBMITTED) {
            LOG.info("{} callback for payment {} while its resend is in flight: asked to deliver it again", provider, payment.id());
            return Optional.of(CallbackReply.of(503, "resend-in-flight", "payment is being resent; deliver this callback again"));
        }
        if (held != null && named != null && !held.equals(named)) {
            LOG.info("{} callback for payment {} names {} but its current attempt is {}: not applied", provider,
                    payment.id(), named, held);
            return Optional.of(CallbackReply.of(200, "other-attempt", payment.id()));
        }
        return Optional.empty();
    }

    /** Our id first (only if that payment belongs to this provider), else the provider's reference. */
    private Optional<Payment> locate(String provider, CallbackUpdate update) {
        Optional<Payment> byId = update.paymentId() == null ? Optional.empty() : ledger.find(update.paymentId());
        if (byId.isPresent()) {
            return byId.filter(p -> p.provider().equals(provider));
        }
        String reference = update.outcome().providerReference();
        return reference == null ? Optional.empty()
                : ledger.idByProviderReference(provider, reference).flatMap(ledger::find);
    }
}
