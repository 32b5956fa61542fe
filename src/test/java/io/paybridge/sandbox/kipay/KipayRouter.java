package io.paybridge.sandbox.kipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The single HTTP entry point. Order: count the call, 404 for an unknown path, 405 for a wrong
 * method, latency, 401 without a valid {@code X-API-Key} (or {@code api_key} query parameter, which
 * Kipay also reads), then the per-key rate window (429 over 100 a minute), injected 429 / 500, 400
 * for a body that is not a JSON object, and the endpoint.
 */
final class KipayRouter implements HttpHandler {
    private record Route(String method, BiFunction<ObjectNode, String, Map<String, Object>> endpoint) {
    }

    private final KipaySimulator.Settings settings;
    private final KipayState state;
    private final KipayFaults faults;
    private final KipayRateWindow window;
    /** "/api/transactions/verify/*" style keys. */
    private final Map<String, Route> routes = new HashMap<>();

    KipayRouter(KipaySimulator.Settings settings, KipayState state, KipayFaults faults, KipayRateWindow window,
                KipayPaymentEndpoints payments, KipayAccountEndpoints accounts) {
        this.settings = settings;
        this.state = state;
        this.faults = faults;
        this.window = window;
        routes.put("/api/transactions/initialize", new Route("POST", payments::initialize));
        routes.put("/api/transactions/verify/*", new Route("GET", payments::verify));
        routes.put("/api/transactions/list", new Route("GET", payments::list));
        routes.put("/api/mpesa/stk-push", new Route("POST", payments::stkPush));
        routes.put("/api/mpesa/stk-status/*", new Route("GET", payments::stkStatus));
        routes.put("/api/mpesa/register-c2b-urls", new Route("POST", payments::registerC2bUrls));
        routes.put("/api/mpesa/simulate-c2b", new Route("POST", payments::simulateC2b));
        routes.put("/api/customers/create", new Route("POST", accounts::createCustomer));
        routes.put("/api/customers/list", new Route("GET", accounts::customers));
        routes.put("/api/payment-channels/create", new Route("POST", accounts::createChannel));
        routes.put("/api/payment-channels/list", new Route("GET", accounts::channels));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            state.countCall(path);
            int status = 200;
            Map<String, Object> body;
            try {
                body = dispatch(exchange, path);
                if (path.endsWith("/customers/create")) {
                    status = 201; // Kipay's created() answer
                }
            } catch (KipayError e) {
                status = e.status();
                body = e.body();
            } catch (RuntimeException e) {
                status = 500;
                body = new KipayError(500, "Internal server error").body();
            }
            respond(exchange, status, body);
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> dispatch(HttpExchange exchange, String path) throws IOException {
        int slash = path.lastIndexOf('/');
        String parameter = null;
        Route route = routes.get(path);
        if (route == null && slash > 0 && routes.containsKey(path.substring(0, slash) + "/*")) {
            route = routes.get(path.substring(0, slash) + "/*");
            parameter = URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
        }
        if (route == null) {
            throw new KipayError(404, "API endpoint not found");
        }
        if (!route.method().equalsIgnoreCase(exchange.getRequestMethod())) {
            throw new KipayError(405, "Method Not Allowed");
        }
        pause(faults.latencyMillis());
        Map<String, JsonNode> query = query(exchange.getRequestURI().getRawQuery());
        String key = exchange.getRequestHeaders().getFirst("X-API-Key");
        if (key == null && query.containsKey("api_key")) {
            key = query.remove("api_key").asText();
        }
        if (key == null || key.isBlank()) {
            throw new KipayError(401, "API key is required");
        }
        if (!MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), settings.apiKey().getBytes(StandardCharsets.UTF_8))) {
            throw new KipayError(401, "Invalid API key");
        }
        if (!window.admit() || faults.takeTooMany()) {
            throw new KipayError(429, "Too Many Requests");
        }
        if (faults.takeFailure()) {
            throw new KipayError(500, "Internal server error");
        }
        ObjectNode params = "POST".equalsIgnoreCase(exchange.getRequestMethod()) ? jsonBody(exchange) : KipayJson.MAPPER.createObjectNode();
        query.forEach(params::putIfAbsent);
        return route.endpoint().apply(params, parameter);
    }

    private static ObjectNode jsonBody(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (raw.length == 0) {
            return KipayJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = KipayJson.MAPPER.readTree(raw);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException unparsable) {
            // answered below
        }
        throw new KipayError(400, "Invalid JSON body");
    }

    private static Map<String, JsonNode> query(String rawQuery) {
        Map<String, JsonNode> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            KipayJson.MAPPER.getNodeFactory().textNode(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
                }
            }
        }
        return params;
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

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] raw = KipayJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, raw.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(raw);
        }
    }
}
