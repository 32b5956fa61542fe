package io.paybridge.dispatch;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Runs each connector's start-up requests (webhook registration and the like) and hands back the
 * answers. A provider whose start-up call got no answer, or a 5xx, is asked again on the next tick
 * of the route's timer: without its webhook secret every callback of that provider would be
 * refused until a restart. A provider is settled once each of its start-up calls was answered.
 */
public final class ProviderStartup {
    private final ConnectorRegistry connectors;
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> unanswered = new ConcurrentHashMap<>();

    public ProviderStartup(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    /** The start-up requests of every provider not yet settled, as (provider, request) pairs, in order. */
    public List<Map.Entry<String, ProviderRequest>> requests() {
        List<Map.Entry<String, ProviderRequest>> all = new ArrayList<>();
        for (String name : connectors.names()) {
            if (settled.contains(name)) {
                continue;
            }
            List<ProviderRequest> requests = connectors.find(name).orElseThrow().startupRequests();
            if (requests.isEmpty()) {
                settled.add(name);
                continue;
            }
            unanswered.put(name, requests.size());
            requests.forEach(r -> all.add(Map.entry(name, r)));
        }
        return all;
    }

    /** Whether this provider's start-up calls were all answered. */
    public boolean settled(String provider) {
        return settled.contains(provider);
    }

    /** Body: one pair from {@link #requests}. */
    @SuppressWarnings("unchecked")
    public void prepare(Exchange exchange) {
        Map.Entry<String, ProviderRequest> pair = exchange.getMessage().getBody(Map.Entry.class);
        exchange.setProperty(ExchangeKeys.PROVIDER, pair.getKey());
        exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, pair.getValue());
    }

    /** Hands an answer to its connector; throws (to be logged, then asked again) when none usable came. */
    public void answered(Exchange exchange) {
        String provider = exchange.getProperty(ExchangeKeys.PROVIDER, String.class);
        ProviderFailure failure = exchange.getProperty(ExchangeKeys.PROVIDER_FAILURE, ProviderFailure.class);
        if (failure != null) {
            throw new IllegalStateException("no answer (" + failure.message() + "); asked again later");
        }
        ProviderResponse response = exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class);
        if (response.statusCode() >= 500) {
            throw new IllegalStateException("HTTP " + response.statusCode() + "; asked again later");
        }
        Connector connector = connectors.find(provider).orElseThrow();
        connector.startupAnswered(exchange.getProperty(ExchangeKeys.PROVIDER_REQUEST, ProviderRequest.class), response);
        if (unanswered.merge(provider, -1, Integer::sum) <= 0) {
            settled.add(provider);
        }
    }
}
