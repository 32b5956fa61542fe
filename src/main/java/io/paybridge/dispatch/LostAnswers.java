package io.paybridge.dispatch;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.Payment;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.Connector;
import io.paybridge.provider.LostAnswerLookup;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.util.ArrayList;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dispatch loop does when the answer to a payment's request was lost (an
 * {@link FailureClass#AMBIGUOUS} failure): never a blind resend. It asks the provider as the
 * connector's {@link LostAnswerLookup} says; a known payment takes the provider's state, one the
 * provider definitely does not hold is sent once more (counted in the ledger, so never twice),
 * and one the provider cannot tell about goes to NEEDS_REVIEW with the reason.
 */
public final class LostAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(LostAnswers.class);
    static final String QUERY = "query";
    static final String IDEMPOTENT_RESEND = "idempotent-resend";

    private final Ledger ledger;
    private final long waitMillis;

    /** {@code waitMillis}: pause before the lookup, so a provider still recording the payment is not asked too early. */
    public LostAnswers(Ledger ledger, long waitMillis) {
        this.ledger = ledger;
        this.waitMillis = waitMillis;
    }

    /** Whether a finished answer is one whose meaning the provider's status must decide. */
    static boolean undecided(Connector connector, ProviderResponse response, Outcome outcome) {
        return FailureClass.of(connector, response) == FailureClass.AMBIGUOUS && outcome.status() == PaymentStatus.NEEDS_REVIEW;
    }

    /**
     * Starts the lookup of a payment whose answer was lost; {@code what} says how it was lost, and
     * {@code justSent} whether the request left a moment ago (the provider may still be recording it).
     */
    void start(Exchange exchange, Payment payment, Connector connector, String what, boolean justSent) {
        LOG.warn("payment {}: answer from {} lost ({}); looking it up", payment.id(), connector.name(), what);
        LostAnswerLookup lookup = connector.lostAnswerLookup(payment.snapshot());
        if (lookup instanceof LostAnswerLookup.Query query) {
            send(exchange, query.request(), QUERY);
        } else if (lookup instanceof LostAnswerLookup.IdempotentResend) {
            // The provider may still be recording the first request: wait as long as a query would,
            // then decide. Deciding first and sending after the wait would resend a payment whose
            // callback arrived meanwhile (a payout that failed frees BluePay's reference).
            if (justSent) {
                pause();
            }
            resend(exchange, payment, connector, IDEMPOTENT_RESEND);
        } else {
            String why = lookup instanceof LostAnswerLookup.None none ? none.why() : connector.name() + " cannot be asked";
            stop(exchange, payment, review(ReasonCodes.AMBIGUOUS_OUTCOME, what + "; " + why
                    + ", so whether it holds the payment is unknown: an operator must check at " + connector.name()),
                    EventSource.DISPATCH);
        }
    }

    /** The answer to a lookup: adopt it, resend once, or leave the payment for review. */
    void answered(Exchange exchange, Payment payment, Connector connector, ProviderFailure failure, ProviderResponse response) {
        String lookup = (String) exchange.removeProperty(ExchangeKeys.LOST_ANSWER);
        if (response == null) {
            stop(exchange, payment, review(ReasonCodes.AMBIGUOUS_OUTCOME, "no answer after sending, and the lookup at "
                    + connector.name() + " failed too (" + (failure == null ? "?" : failure.message())
                    + "); reconciliation will ask again"), EventSource.DISPATCH);
            return;
        }
        Outcome outcome = connector.interpretStatus(payment.snapshot(), response);
        if (outcome.isUnknownToProvider() && QUERY.equals(lookup)) {
            resend(exchange, payment, connector, null);
        } else if (outcome.status() == null) {
            stop(exchange, payment, review(ReasonCodes.AMBIGUOUS_OUTCOME, "no answer after sending, and " + connector.name()
                    + " cannot tell whether it holds the payment (" + outcome.providerStatus() + "); reconciliation keeps asking"),
                    EventSource.DISPATCH);
        } else {
            stop(exchange, payment, outcome, EventSource.POLL);
        }
    }

    private void resend(Exchange exchange, Payment payment, Connector connector, String lookup) {
        if (!ledger.markResent(payment.id())) {
            if (ledger.find(payment.id()).map(Payment::attempts).orElse(0) < 2) {
                exchange.setProperty(ExchangeKeys.SEND, false); // settled meanwhile (a callback): nothing to resend
                LOG.info("payment {} moved on while its answer was looked up; not resent", payment.id());
                return;
            }
            stop(exchange, payment, review(ReasonCodes.RESEND_EXHAUSTED, "the provider does not know this payment, but it was "
                    + "already sent twice; an operator must decide"), EventSource.DISPATCH);
            return;
        }
        LOG.warn("payment {}: {} resent once ({})", payment.id(), connector.name(),
                lookup == null ? "the provider does not know it" : "its idempotency key makes the resend a lookup");
        exchange.setProperty(ExchangeKeys.CONVERSATION, new ArrayList<>());
        // No wait: markResent only succeeded because no provider word had arrived; send at once.
        send(exchange, connector.initiate(payment.command()), lookup, 0);
    }

    private void send(Exchange exchange, ProviderRequest request, String lookup) {
        send(exchange, request, lookup, waitMillis);
    }

    private void send(Exchange exchange, ProviderRequest request, String lookup, long wait) {
        exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, request);
        exchange.setProperty(ExchangeKeys.SEND, true);
        exchange.setProperty(ExchangeKeys.WAIT_MS, wait);
        if (lookup != null) {
            exchange.setProperty(ExchangeKeys.LOST_ANSWER, lookup);
        }
    }

    private void pause() {
        try {
            Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: decide now, the ledger still guards the resend
        }
    }

    private void stop(Exchange exchange, Payment payment, Outcome outcome, EventSource source) {
        exchange.setProperty(ExchangeKeys.SEND, false);
        ledger.apply(payment.id(), outcome, source).ifPresentOrElse(
                e -> LOG.info("payment {} is {}{}", payment.id(), e.status(), e.reason() == null ? "" : " (" + e.reason().code() + ")"),
                () -> LOG.debug("payment {}: lookup moved nothing", payment.id()));
    }

    private static Outcome review(String code, String message) {
        return new Outcome(PaymentStatus.NEEDS_REVIEW, null, null, Reason.of(code, message), null, null);
    }
}
