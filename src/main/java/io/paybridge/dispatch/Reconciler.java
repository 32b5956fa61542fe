package io.paybridge.dispatch;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerQueries;
import io.paybridge.ledger.Payment;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.LostAnswerLookup;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;

/**
 * Callbacks get lost. On each tick: payments the process never sent are handed back to dispatch,
 * and payments waiting on a provider longer than its poll delay are asked about through the
 * provider's status API, with a per-payment back-off, the answer applied forward-only.
 */
public final class Reconciler {
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    private final Ledger ledger;
    private final LedgerQueries queries;
    private final ConnectorRegistry connectors;
    private final ReconcilePolicy policy;
    private final Clock clock;
    private final ProviderBreakers breakers;

    private final BooleanSupplier mayRun;

    /** {@code mayRun} is asked on each tick: with several replicas only the lease holder reconciles. */
    public Reconciler(Ledger ledger, ConnectorRegistry connectors, ReconcilePolicy policy, Clock clock, BooleanSupplier mayRun,
                      ProviderBreakers breakers) {
        this.mayRun = mayRun;
        this.breakers = breakers;
        this.ledger = ledger;
        this.queries = ledger.queries();
        this.connectors = connectors;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Ids of payments recorded but never sent: the process stopped in between, or an open circuit
     * breaker holds them. A batch per provider, so one provider's held payments never crowd out another's.
     */
    public List<String> unsent() {
        if (!mayRun.getAsBoolean()) {
            return List.of();
        }
        List<String> unsent = new ArrayList<>();
        for (String provider : connectors.names()) {
            queries.unsent(provider, policy.unsentAfter(), policy.batchSize()).forEach(p -> unsent.add(p.id()));
        }
        return unsent;
    }

    /** Ids of in-flight payments due for a status query, across every provider. */
    public List<String> duePolls() {
        if (!mayRun.getAsBoolean()) {
            return List.of();
        }
        List<String> due = new ArrayList<>();
        for (String provider : connectors.names()) {
            if (breakers.isOpen(provider)) {
                continue; // skipped, not counted as a poll: due again once the breaker allows trial calls
            }
            queries.duePolls(provider, policy.pollAfter(provider), policy.batchSize()).forEach(p -> due.add(p.id()));
        }
        return due;
    }

    /**
     * Body: a payment id. Sets {@link ExchangeKeys#SEND} when the provider can be asked, or
     * {@link ExchangeKeys#RECOVER} when the payment's answer was lost and the dispatcher's lookup
     * (which may resend it once) must decide.
     */
    public void preparePoll(Exchange exchange) {
        String id = exchange.getMessage().getBody(String.class);
        exchange.setProperty(ExchangeKeys.PAYMENT_ID, id);
        exchange.setProperty(ExchangeKeys.SEND, false);
        exchange.setProperty(ExchangeKeys.RECOVER, false);
        Payment payment = ledger.find(id).orElseThrow();
        Connector connector = connectors.find(payment.provider()).orElseThrow();
        boolean mayBeInFlight = payment.status() == PaymentStatus.SUBMITTED
                && payment.updatedAt().isAfter(clock.instant().minus(policy.lostAnswerAfter()));
        if (mayBeInFlight && connector.statusQuery(payment.snapshot()).isEmpty()) {
            return; // its call may still be in flight: only a plain status query (never a resend) may ask yet
        }
        if (!mayBeInFlight && answerLost(payment, connector)) {
            exchange.getMessage().setBody(id);
            exchange.setProperty(ExchangeKeys.RECOVER, true);
            return;
        }
        Optional<ProviderRequest> query = connector.statusQuery(payment.snapshot());
        if (query.isEmpty()) {
            cannotAsk(payment);
            return;
        }
        if (!breakers.tryAcquire(connector.name(), "poll")) {
            return; // the breaker turned it away: nothing recorded, still due on the next tick
        }
        exchange.setProperty(ExchangeKeys.PROVIDER, connector.name());
        exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, query.get());
        exchange.setProperty(ExchangeKeys.SEND, true);
    }

    /** Applies a status answer; if it moved nothing, the next poll waits longer. */
    public void applyPoll(Exchange exchange) {
        String id = exchange.getProperty(ExchangeKeys.PAYMENT_ID, String.class);
        Payment payment = ledger.find(id).orElseThrow();
        Connector connector = connectors.find(payment.provider()).orElseThrow();
        ProviderResponse response = exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class);
        if (response == null) {
            backOff(payment); // the provider did not answer; ask again later, never resend
            return;
        }
        Outcome outcome = connector.interpretStatus(payment.snapshot(), response);
        exchange.setProperty(ExchangeKeys.OUTCOME, outcome); // for the route's follow-up step
        if (ledger.apply(id, outcome, EventSource.POLL).isEmpty()) {
            backOff(payment);
        }
    }

    /** After a recovery: the next look waits longer, whatever the lookup found. */
    public void recovered(Exchange exchange) {
        ledger.find(exchange.getProperty(ExchangeKeys.PAYMENT_ID, String.class)).ifPresent(this::backOff);
    }

    /**
     * Sent, no answer recorded, no provider reference: the crash-mid-call case, or a payment left
     * for review because its answer and the first lookup were both lost while a resend is still
     * permitted and the provider can be asked.
     */
    private static boolean answerLost(Payment payment, Connector connector) {
        if (payment.providerReference() != null) {
            return false;
        }
        if (payment.status() == PaymentStatus.SUBMITTED) {
            return true;
        }
        return payment.status() == PaymentStatus.NEEDS_REVIEW && payment.attempts() == 1 && payment.reason() != null
                && ReasonCodes.AMBIGUOUS_OUTCOME.equals(payment.reason().code())
                && !(connector.lostAnswerLookup(payment.snapshot()) instanceof LostAnswerLookup.None);
    }

    /** A poll that failed (provider down, timeout) is tried again later, never blindly resent. */
    public void pollFailed(Exchange exchange) {
        ledger.find(exchange.getProperty(ExchangeKeys.PAYMENT_ID, String.class)).ifPresent(this::backOff);
    }

    private void cannotAsk(Payment payment) {
        if (payment.status() != PaymentStatus.NEEDS_REVIEW) {
            ledger.apply(payment.id(), new Outcome(PaymentStatus.NEEDS_REVIEW, null, null, Reason.of(ReasonCodes.AMBIGUOUS_OUTCOME,
                    payment.provider() + " offers no status query for this payment and no callback settled it within "
                            + policy.pollAfter(payment.provider()) + "; an operator must check it at " + payment.provider()), null, null),
                    EventSource.POLL);
        }
        backOff(payment);
    }

    private void backOff(Payment payment) {
        Duration base = policy.pollAfter(payment.provider());
        Duration wait = base.multipliedBy(1L << Math.min(payment.polls(), 10));
        queries.polled(payment.id(), clock.instant().plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait));
    }
}
