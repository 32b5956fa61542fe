package io.paybridge.admin;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operator's door to a provider. {@code GET /admin/providers/{provider}/{query}} runs a
 * read-only query (BluePay's channel listing and wallet balance, BitnovaPay's transactions with
 * their filters as query parameters); {@code POST /admin/providers/{provider}/{action}} runs an
 * operation with effects that the bundle never starts itself (Kipay's C2B URL registration).
 * Either way the provider's answer is returned as is.
 */
public final class OperatorQueries {
    private final ConnectorRegistry connectors;

    public OperatorQueries(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    /** Sets {@link ExchangeKeys#SEND} when the query exists; otherwise answers 404 (400 for a refused parameter) itself. */
    public void prepare(Exchange exchange) {
        Message m = exchange.getMessage();
        String provider = m.getHeader("provider", String.class);
        String query = m.getHeader("query", String.class);
        Map<String, String> parameters = parameters(m.getHeader(Exchange.HTTP_QUERY, String.class));
        exchange.setProperty(ExchangeKeys.SEND, false);
        Optional<ProviderRequest> request;
        try {
            request = connectors.find(provider).flatMap(c -> c.operatorQuery(query, parameters));
        } catch (IllegalArgumentException refused) {
            answer(m, 400, error(refused.getMessage()));
            return;
        }
        if (request.isEmpty()) {
            answer(m, 404, error("no query '" + query + "' for provider '" + provider + "'"));
            return;
        }
        send(exchange, provider, request.get());
    }

    /** The same for {@code POST} actions: the operator's JSON body goes to the connector. */
    public void prepareAction(Exchange exchange) {
        Message m = exchange.getMessage();
        String provider = m.getHeader("provider", String.class);
        String action = m.getHeader("action", String.class);
        byte[] body = m.getBody(byte[].class);
        exchange.setProperty(ExchangeKeys.SEND, false);
        Function<byte[], ProviderRequest> builder = connectors.find(provider)
                .map(Connector::operatorActions).map(actions -> actions.get(action)).orElse(null);
        if (builder == null) {
            answer(m, 404, error("no action '" + action + "' for provider '" + provider + "'"));
            return;
        }
        try {
            send(exchange, provider, builder.apply(body == null ? new byte[0] : body));
        } catch (IllegalArgumentException refused) {
            answer(m, 400, error(refused.getMessage()));
        }
    }

    public void answer(Exchange exchange) {
        ProviderResponse response = exchange.getProperty(ExchangeKeys.PROVIDER_RESPONSE, ProviderResponse.class);
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        if (response == null) {
            answer(m, 502, "{\"error\":\"the provider did not answer\"}");
            return;
        }
        answer(m, response.statusCode() >= 200 && response.statusCode() < 300 ? 200 : 502,
                new String(response.body(), StandardCharsets.UTF_8));
    }

    private static void send(Exchange exchange, String provider, ProviderRequest request) {
        exchange.setProperty(ExchangeKeys.SEND, true);
        exchange.setProperty(ExchangeKeys.PROVIDER, provider);
        exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, request);
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isBlank()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            parameters.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String error(String message) {
        return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static void answer(Message m, int status, String body) {
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(body);
    }
}
