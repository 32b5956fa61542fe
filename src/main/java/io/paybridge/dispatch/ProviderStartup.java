package io.paybridge.dispatch;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/** Runs each connector's start-up requests once (webhook registration and the like) and hands back the answers. */
public final class ProviderStartup {
    private final ConnectorRegistry connectors;

    public ProviderStartup(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    /** Every start-up request as a (provider, request) pair, in order. */
    public List<Map.Entry<String, ProviderRequest>> requests() {
        List<Map.Entry<String, ProviderRequest>> all = new ArrayList<>();
        for (String name : connectors.names()) {
            connectors.find(name).orElseThrow().startupRequests().forEach(r -> all.add(Map.entry(name, r)));
        }
        return all;
    }

    /** Body: one pair from {@link #requests}. */
    @SuppressWarnings("unchecked")
    public void prepare(Exchange exchange) {
        Map.Entry<String, ProviderRequest> pair = exchange.getMessage().getBody(Map.Entry.class);
        exchange.setProperty(ExchangeKeys.PROVIDER, pair.getKey());
        exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, pair.getValue());
    }

    public void answered(Exchange exchange) {
        ProviderFailure failure = exchange.getProperty(ExchangeKeys.PROVIDER_FAILURE, ProviderFailure.class);
        if (failure != null) {
            throw new IllegalStateException("start-up call failed: " + failure.message());
        }
        Connector connector = connectors.find(exchange.getProperty(ExchangeKeys.PROVIDER, String.class)).orElseThrow();
        connector.startupAnswered(exchange.getProperty(ExchangeKeys.PROVIDER_REQUEST, ProviderRequest.class),
                exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class));
    }
}
