package io.paybridge.dispatch;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.ledger.FollowUpLog;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.Payment;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the bundle makes on its own after an outcome was recorded ({@link Connector#followUp}):
 * the connector decides whether one is due, the ledger's follow-up log lets exactly one caller send
 * it, and its answer is applied forward-only like any status answer. Runs after a payment's start
 * and after every status answer; {@link ExchangeKeys#OUTCOME} holds the outcome just applied.
 */
public final class FollowUps {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);

    private final Ledger ledger;
    private final FollowUpLog log;
    private final ConnectorRegistry connectors;

    public FollowUps(Ledger ledger, FollowUpLog log, ConnectorRegistry connectors) {
        this.ledger = ledger;
        this.log = log;
        this.connectors = connectors;
    }

    /** Sets {@link ExchangeKeys#SEND} and the request when a follow-up is due and this caller won it. */
    public void prepare(Exchange exchange) {
        exchange.setProperty(ExchangeKeys.SEND, false);
        Outcome outcome = exchange.getProperty(ExchangeKeys.OUTCOME, Outcome.class);
        exchange.removeProperty(ExchangeKeys.OUTCOME); // one follow-up question per outcome, never for its own answer
        String id = exchange.getProperty(ExchangeKeys.PAYMENT_ID, String.class);
        String provider = exchange.getProperty(ExchangeKeys.PROVIDER, String.class);
        if (outcome == null || id == null
                || provider != null && !connectors.find(provider).map(Connector::makesFollowUps).orElse(false)) {
            return; // most providers never follow up: no ledger read for them
        }
        Optional<Payment> payment = ledger.find(id);
        Optional<Connector> connector = payment.flatMap(p -> connectors.find(p.provider()));
        if (connector.isEmpty()) {
            return;
        }
        Optional<ProviderRequest> request = connector.get().followUp(payment.get().command(), payment.get().snapshot(), outcome);
        if (request.isEmpty()) {
            return;
        }
        if (!log.claim(id, request.get().operation())) {
            LOG.debug("payment {}: {} already sent", id, request.get().operation());
            return;
        }
        exchange.setProperty(ExchangeKeys.PROVIDER, connector.get().name());
        exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, request.get());
        exchange.setProperty(ExchangeKeys.SEND, true);
        LOG.info("payment {}: sending {} to {} ({})", id, request.get().operation(), connector.get().name(),
                outcome.reason() == null ? outcome.status() : outcome.reason().code());
    }

    /** Applies the follow-up's answer; a refusal or a lost answer changes nothing and is logged and kept. */
    public void answered(Exchange exchange) {
        String id = exchange.getProperty(ExchangeKeys.PAYMENT_ID, String.class);
        ProviderRequest request = exchange.getProperty(ExchangeKeys.PROVIDER_REQUEST, ProviderRequest.class);
        ProviderFailure failure = exchange.getProperty(ExchangeKeys.PROVIDER_FAILURE, ProviderFailure.class);
        ProviderResponse response = exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class);
        if (failure != null || response == null) {
            String what = failure == null ? "no answer" : failure.kind() + ": " + failure.message();
            LOG.warn("payment {}: {} got no usable answer ({}); the provider's later word decides", id, request.operation(), what);
            log.answered(id, request.operation(), what);
            return;
        }
        log.answered(id, request.operation(), "HTTP " + response.statusCode());
        Payment payment = ledger.find(id).orElseThrow();
        Connector connector = connectors.find(payment.provider()).orElseThrow();
        Outcome outcome = connector.interpretStatus(payment.snapshot(), response);
        ledger.apply(id, outcome, EventSource.RESPONSE).ifPresentOrElse(
                e -> LOG.info("payment {} is {} after {}", id, e.status(), request.operation()),
                () -> {
                    if (!response.isSuccess()) {
                        LOG.warn("payment {}: {} refused with HTTP {}; the payment stays {}", id, request.operation(),
                                response.statusCode(), payment.status());
                    }
                });
    }
}
