package io.paybridge.admin;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code GET /admin/providers/{provider}/{query}}: runs a read-only provider query (BluePay's
 * channel listing and wallet balance, for example) and returns the provider's answer as is.
 */
public final class OperatorQueries {
    private final ConnectorRegistry connectors;

    public OperatorQueries(ConnectorRegistry connectors) {
        this.connectors = connectors;
    }

    /** Sets {@link ExchangeKeys#SEND} when the query exists; otherwise answers 404 itself. */
    public void prepare(Exchange exchange) {
        Message m = exchange.getMessage();
        String provider = m.getHeader("provider", String.class);
        String query = m.getHeader("query", String.class);
        Supplier<ProviderRequest> request = connectors.find(provider).map(c -> c.operatorQueries().get(query)).orElse(null);
        exchange.setProperty(ExchangeKeys.SEND, request != null);
        if (request == null) {
            answer(m, 404, "{\"error\":\"no such provider query\"}");
            return;
        }
        exchange.setProperty(ExchangeKeys.PROVIDER, provider);
        exchange.setProperty(ExchangeKeys.PROVIDER_REQUEST, request.get());
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

    private static void answer(Message m, int status, String body) {
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(body);
    }
}
