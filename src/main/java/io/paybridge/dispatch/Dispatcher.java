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
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each payment to its provider once. The ledger's RECEIVED → SUBMITTED step decides who
 * sends; after that, only the provider's answers (or its status API) decide the outcome. The
 * route loops while {@link ExchangeKeys#SEND} is true, one provider call per turn.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** A conversation longer than this is a connector bug; stop before it loops for ever. */
    static final int MAX_CALLS = 8;

    private final Ledger ledger;
    private final ConnectorRegistry connectors;
    private final LostAnswers lostAnswers;
    private final BreakerGate gate;

    public Dispatcher(Ledger ledger, ConnectorRegistry connectors, LostAnswers lostAnswers, BreakerGate gate) {
        this.ledger = ledger;
        this.connectors = connectors;
        this.lostAnswers = lostAnswers;
        this.gate = gate;
    }

    /** Body: a payment id. Sets {@link ExchangeKeys#SEND} true only for the caller that won the send. */
    public void prepare(Exchange exchange) {
        String id = exchange.getMessage().getBody(String.class);
        exchange.setProperty(ExchangeKeys.PAYMENT_ID, id);
        exchange.setProperty(ExchangeKeys.SEND, false);
        exchange.setProperty(ExchangeKeys.WAIT_MS, 0L);
        Optional<Payment> payment = ledger.find(id);
        if (payment.isEmpty() || payment.get().status() != PaymentStatus.RECEIVED) {
            return;
        }
        Connector connector = connectors.find(payment.get().provider()).orElseThrow(
                () -> new IllegalStateException("payment " + id + " names unconfigured provider " + payment.get().provider()));
        ProviderRequest request;
        try {
            request = connector.initiate(payment.get().command());
        } catch (IllegalArgumentException invalid) { // FailureClass.INVALID_INPUT: never sent, never retried
            record(id, new Outcome(PaymentStatus.FAILED, null, null, Reason.of(ReasonCodes.VALIDATION_FAILED,
                    connector.name() + " request cannot be built: " + invalid.getMessage()), null, null), EventSource.DISPATCH);
            return;
        }
        if (!gate.markSubmitted(payment.get())) {
            return; // another dispatcher got there first, or the provider's open breaker holds it RECEIVED
        }
        exchange.setProperty(ExchangeKeys.PROVIDER, connector.name());
        exchange.setProperty(ExchangeKeys.PAYMENT, payment.get());
        exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, request);
        exchange.setProperty(ExchangeKeys.CONVERSATION, new ArrayList<ProviderCall>());
        exchange.setProperty(ExchangeKeys.SEND, true);
        LOG.info("payment {} sent to {} ({})", id, connector.name(), request.operation());
    }

    /**
     * Body: the id of a payment reconciliation found sent with no answer (the process stopped
     * mid-call, or the answer and its lookup were lost): starts the same lookup as after a timeout.
     */
    public void recover(Exchange exchange) {
        String id = exchange.getMessage().getBody(String.class);
        exchange.setProperty(ExchangeKeys.PAYMENT_ID, id);
        exchange.setProperty(ExchangeKeys.SEND, false);
        exchange.setProperty(ExchangeKeys.WAIT_MS, 0L);
        Payment payment = ledger.find(id).orElseThrow();
        Connector connector = connectors.find(payment.provider()).orElseThrow();
        exchange.setProperty(ExchangeKeys.PROVIDER, connector.name());
        exchange.setProperty(ExchangeKeys.CONVERSATION, new ArrayList<ProviderCall>());
        lostAnswers.start(exchange, payment, connector, "sent with no answer recorded", false);
        exchange.setProperty(ExchangeKeys.WAIT_MS, 0L); // long after the send: nothing left to wait for
    }

    /** After each provider call: send the connector's next request, look a lost answer up, or record the outcome. */
    @SuppressWarnings("unchecked")
    public void afterCall(Exchange exchange) {
        String id = exchange.getProperty(ExchangeKeys.PAYMENT_ID, String.class);
        exchange.setProperty(ExchangeKeys.WAIT_MS, 0L);
        ProviderFailure failure = exchange.getProperty(ExchangeKeys.PROVIDER_FAILURE, ProviderFailure.class);
        ProviderResponse response = exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class);
        Payment payment = current(exchange, id, failure == null && exchange.getProperty(ExchangeKeys.LOST_ANSWER) == null);
        Connector connector = connectors.find(payment.provider()).orElseThrow();
        if (exchange.getProperty(ExchangeKeys.LOST_ANSWER) != null) {
            lostAnswers.answered(exchange, payment, connector, failure, response);
            return;
        }
        if (failure != null && failure.failureClass() == FailureClass.AMBIGUOUS) {
            lostAnswers.start(exchange, payment, connector, "no answer after sending (" + failure.message() + ")", true);
            return;
        }
        if (failure != null) {
            exchange.setProperty(ExchangeKeys.SEND, false);
            record(id, failed(failure), EventSource.DISPATCH);
            return;
        }
        List<ProviderCall> calls = exchange.getProperty(ExchangeKeys.CONVERSATION, List.class);
        calls.add(new ProviderCall(exchange.getProperty(ExchangeKeys.PROVIDER_REQUEST, ProviderRequest.class), response));
        Step step = calls.size() >= MAX_CALLS ? Step.done(tooLong(connector)) : connector.afterInitiation(payment.command(), calls);
        if (step.isDone() && LostAnswers.undecided(connector, response, step.outcome())) {
            lostAnswers.start(exchange, current(exchange, id, false), connector, connector.name() + " answered HTTP " + response.statusCode(), true);
        } else if (step.isDone()) {
            exchange.setProperty(ExchangeKeys.SEND, false);
            exchange.setProperty(ExchangeKeys.OUTCOME, step.outcome()); // for the route's follow-up step
            record(id, step.outcome(), EventSource.RESPONSE);
        } else {
            exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, step.next());
        }
    }

    /**
     * The payment read when the send was won, while the conversation goes plainly: its command
     * and provider never change, so the row is not read again for each answer. Anything unusual
     * (a failure, a lost answer, a resend) reads the ledger, and every later turn does too.
     */
    private Payment current(Exchange exchange, String id, boolean plain) {
        Payment won = exchange.getProperty(ExchangeKeys.PAYMENT, Payment.class);
        if (plain && won != null) {
            return won;
        }
        exchange.removeProperty(ExchangeKeys.PAYMENT);
        return ledger.find(id).orElseThrow();
    }

    /**
     * A request the provider never accepted fails the payment, nothing having moved. A request
     * that may have reached it leaves the outcome to the provider's status API: NEEDS_REVIEW
     * until reconciliation asks. Never a blind resend.
     */
    static Outcome failed(ProviderFailure failure) {
        return switch (failure.kind()) {
            case REFUSED -> new Outcome(PaymentStatus.FAILED, null, null, Reason.of(ReasonCodes.PROVIDER_UNAVAILABLE,
                    "provider kept refusing the request: " + failure.message()), null, null);
            case UNREACHABLE -> new Outcome(PaymentStatus.FAILED, null, null, Reason.of(ReasonCodes.PROVIDER_UNREACHABLE,
                    "provider could not be reached: " + failure.message()), null, null);
            case NO_ANSWER -> new Outcome(PaymentStatus.NEEDS_REVIEW, null, null, Reason.of(ReasonCodes.AMBIGUOUS_OUTCOME,
                    "no answer after sending (" + failure.message() + "); reconciliation will ask the provider"), null, null);
        };
    }

    private static Outcome tooLong(Connector connector) {
        return new Outcome(PaymentStatus.NEEDS_REVIEW, null, null, Reason.of(ReasonCodes.UNKNOWN_PROVIDER_STATUS,
                connector.name() + " conversation exceeded " + MAX_CALLS + " calls"), null, null);
    }

    private void record(String id, Outcome outcome, EventSource source) {
        ledger.apply(id, outcome, source).ifPresentOrElse(
                e -> LOG.info("payment {} is {}{}", id, e.status(), e.reason() == null ? "" : " (" + e.reason().code() + ")"),
                () -> LOG.debug("payment {}: answer moved nothing", id));
    }

}
