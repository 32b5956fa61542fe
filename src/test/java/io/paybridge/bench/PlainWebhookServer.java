package io.paybridge.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paybridge.ledger.Ledger;
import io.paybridge.model.EventSource;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.Connector;
import io.paybridge.provider.Verification;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The twin's webhook door: JDK {@link HttpServer} on {@code POST /callbacks/bluepay}, 20 worker
 * threads (Vert.x's default worker pool size, which the bundle's platform-http uses). Verify the
 * raw bytes, read them with the connector, apply to the ledger, note the delivery key: the same
 * steps as the bundle's CallbackHandler, without Camel.
 */
final class PlainWebhookServer {
    private PlainWebhookServer() {
    }

    static void start(int port, Connector connector, Ledger ledger) throws IOException {
        // Headers and body go out in two writes; without TCP_NODELAY each answer waits for a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(20));
        server.createContext("/callbacks/bluepay", exchange -> {
            try (exchange) {
                handle(exchange, connector, ledger);
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        });
        server.start();
    }

    private static void handle(HttpExchange exchange, Connector connector, Ledger ledger) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> flat = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> flat.put(name, values.isEmpty() ? null : values.get(0)));
        CallbackHeaders headers = new CallbackHeaders(flat);
        Verification verification = connector.webhookVerifier().verify(body, headers);
        if (!verification.valid()) {
            reply(exchange, 401, "{\"result\":\"rejected\"}");
            return;
        }
        CallbackUpdate update = connector.readCallback(body, headers);
        if (update.outcome() == null || update.paymentId() == null || ledger.find(update.paymentId()).isEmpty()) {
            reply(exchange, 202, "{\"result\":\"unknown-payment\"}");
            return;
        }
        boolean applied = ledger.apply(update.paymentId(), update.outcome(), EventSource.CALLBACK).isPresent();
        if (update.deliveryKey() != null) {
            ledger.firstDelivery(connector.name(), update.deliveryKey());
        }
        reply(exchange, 200, applied ? "{\"result\":\"applied\"}" : "{\"result\":\"unchanged\"}");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
