package io.paybridge.sandbox.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP entry point: {@code POST /{public_id}/payment_c2b|payment_b2c|status|banks} with a
 * JSON body, and {@code GET /redirect/{transaction_id}}, the confirmation page a redirect-flow
 * customer opens. Checks in order: count, latency, injected 503, 404 for an unknown path or
 * public id, 405, 400 for a body that is not a JSON object, then the endpoint.
 */
final class BitlipaRouter implements HttpHandler {
    private final BitlipaSimulator.Settings settings;
    private final BitlipaState state;
    private final BitlipaFaults faults;
    private final BitlipaEndpoints endpoints;

    BitlipaRouter(BitlipaSimulator.Settings settings, BitlipaState state, BitlipaFaults faults, BitlipaEndpoints endpoints) {
        this.settings = settings;
        this.state = state;
        this.faults = faults;
        this.endpoints = endpoints;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            state.countCall(path);
            if (path.startsWith("/redirect/") && "GET".equals(exchange.getRequestMethod())) {
                boolean ok = endpoints.confirmRedirect(path.substring("/redirect/".length()));
                respond(exchange, ok ? 200 : 404, ok ? "<html><body>Payment confirmed</body></html>" : "unknown link", "text/html");
                return;
            }
            pause(faults.latencyMillis());
            if (faults.shouldFailThisCall()) {
                respond(exchange, 503, "{\"error\":\"Service unavailable\"}", "application/json");
                return;
            }
            if (faults.shouldRateLimitThisCall()) {
                respond(exchange, 429, "{\"error\":\"Too many requests\"}", "application/json");
                return;
            }
            String prefix = "/" + settings.publicId() + "/";
            String operation = path.startsWith(prefix) ? path.substring(prefix.length()) : null;
            if (operation == null || !java.util.Set.of("payment_c2b", "payment_b2c", "status", "banks").contains(operation)) {
                respond(exchange, 404, "{\"error\":\"Not found\"}", "application/json");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"Method not allowed\"}", "application/json");
                return;
            }
            ObjectNode body = readBody(exchange);
            if (body == null) {
                respond(exchange, 400, "{\"error\":\"Body must be a JSON object\"}", "application/json");
                return;
            }
            ObjectNode answer;
            try {
                answer = switch (operation) {
                    case "payment_c2b" -> endpoints.payment(body, true);
                    case "payment_b2c" -> endpoints.payment(body, false);
                    case "status" -> endpoints.status(body);
                    default -> endpoints.banks(body);
                };
            } catch (BitlipaEndpoints.AcceptedThenFailed lost) {
                respond(exchange, 500, "{\"error\":\"Internal Server Error\"}", "application/json");
                return;
            }
            respond(exchange, 200, answer.toString(), "application/json");
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}", "application/json");
        } finally {
            exchange.close();
        }
    }

    private static ObjectNode readBody(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        try {
            JsonNode node = BitlipaAnswers.JSON.readTree(raw);
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, raw.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(raw);
        }
    }
}
