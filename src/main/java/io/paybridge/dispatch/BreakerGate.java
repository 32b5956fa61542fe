package io.paybridge.dispatch;

import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.Payment;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a new payment meets its provider's circuit breaker, just before the ledger's RECEIVED →
 * SUBMITTED step. While the breaker is open the payment is neither sent nor failed: it stays
 * RECEIVED, and reconciliation's sweep of unsent payments hands it back to dispatch on every tick
 * until the breaker lets trial calls through. Only a payment held longer than
 * {@code hold-new-payments-for} since it was received fails, with PROVIDER_UNAVAILABLE, nothing
 * having been sent.
 */
public final class BreakerGate {
    private static final Logger LOG = LoggerFactory.getLogger(BreakerGate.class);

    private final ProviderBreakers breakers;
    private final Ledger ledger;
    private final Clock clock;

    public BreakerGate(ProviderBreakers breakers, Ledger ledger, Clock clock) {
        this.breakers = breakers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * True when this caller won the send: the breaker let a new payment through and the ledger
     * moved it to SUBMITTED. False when another dispatcher won, or the breaker holds it.
     */
    public boolean markSubmitted(Payment payment) {
        if (!breakers.tryAcquire(payment.provider(), "payment")) {
            hold(payment);
            return false;
        }
        boolean won = false;
        try {
            won = ledger.markSubmitted(payment);
            return won;
        } finally {
            if (!won) {
                breakers.release(payment.provider()); // no call follows: a half-open breaker's trial slot goes back
            }
        }
    }

    private void hold(Payment payment) {
        Instant deadline = payment.createdAt().plus(breakers.holdNewPaymentsFor(payment.provider()));
        if (clock.instant().isBefore(deadline)) {
            LOG.info("payment {} held: {} circuit breaker is open; it is sent once trial calls are allowed, or fails at {}",
                    payment.id(), payment.provider(), deadline);
            return;
        }
        ledger.apply(payment.id(), new Outcome(PaymentStatus.FAILED, null, null, Reason.of(ReasonCodes.PROVIDER_UNAVAILABLE,
                payment.provider() + " circuit breaker stayed open; the payment was held since " + payment.createdAt()
                        + " and never sent"), null, null), EventSource.DISPATCH)
                .ifPresent(e -> LOG.warn("payment {} FAILED unsent: {} circuit breaker open past {}", payment.id(), payment.provider(), deadline));
    }
}
