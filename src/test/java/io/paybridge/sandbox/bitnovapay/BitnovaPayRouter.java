package io.paybridge.sandbox.bitnovapay;

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
 * The single HTTP entry point. Order of checks: count the call, 404 for an unknown path, then
 * latency, injected 429 / 500 (an overloaded front end answers before any key is read), 401 for
 * a missing or unknown key, 403 for a key of the other namespace (a personal key on
 * {@code /api/v2/} or the reverse), 400 for a body that is not a JSON object, then the endpoint.
 */
final class BitnovaPayRouter implements HttpHandler {
    private final BitnovaPaySimulator.Settings settings;
    private final BitnovaPayState state;
    private final BitnovaPayFaults faults;
    /** "METHOD v1 resource" or "METHOD v1 resource/*" → endpoint(params, path parameter). */
    private final Map<String, BiFunction<ObjectNode, String, Map<String, Object>>> routes = new HashMap<>();

    BitnovaPayRouter(BitnovaPaySimulator.Settings settings, BitnovaPayState state, BitnovaPayFaults faults,
                     BitnovaPayPaymentEndpoints payments, BitnovaPayWalletEndpoints wallet) {
        this.settings = settings;
        this.state = state;
        this.faults = faults;
        routes.put("GET v1 balance", wallet::balance);
        routes.put("GET v1 channels", payments::channels);
        routes.put("POST v1 channels", payments::createChannel);
        routes.put("POST v1 stk-push", payments::stkPush);
        routes.put("POST v1 charges", payments::payment);
        routes.put("POST v2 payment", payments::payment);
        routes.put("GET v1 payment/*", payments::status);
        routes.put("GET v2 payment/*", payments::status);
        routes.put("GET v1 transactions", payments::transactions);
        routes.put("POST v1 withdraw", wallet::withdraw);
        routes.put("GET v1 withdrawals/*", wallet::withdrawal);
        routes.put("POST v1 webhooks", wallet::register);
        routes.put("GET v1 webhooks", wallet::webhooks);
        routes.put("DELETE v1 webhooks/*", wallet::deleteWebhook);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (faults.dropsRequest(exchange.getRequestMethod())) {
                return; // closed without an answer, nothing recorded: the request never arrived
            }
            String path = exchange.getRequestURI().getPath();
            state.countCall(path);
            int status = 200;
            Map<String, Object> body;
            try {
                body = dispatch(exchange, path);
            } catch (BitnovaPayError e) {
                status = e.status();
                body = e.body();
            } catch (RuntimeException e) {
                status = 500;
                body = new BitnovaPayError(500, "Server error - try again.").body();
            }
            if (faults.losesAnswer(exchange.getRequestMethod())) {
                return; // carried out, but the connection closes without an answer
            }
            respond(exchange, status, body);
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> dispatch(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/"); // "", "api", "v1", resource, [param]
        if (parts.length < 4 || parts.length > 5 || !"api".equals(parts[1])) {
            throw new BitnovaPayError(404, "Resource not found.");
        }
        String version = parts[2];
        String key = exchange.getRequestMethod().toUpperCase() + " " + version + " " + parts[3] + (parts.length == 5 ? "/*" : "");
        var endpoint = routes.get(key);
        if (endpoint == null) {
            throw new BitnovaPayError(404, "Resource not found.");
        }
        pause(faults.latencyMillis());
        if (faults.takeRateLimit()) {
            throw new BitnovaPayError(429, "Rate limit exceeded.");
        }
        if (faults.takeFailure()) {
            throw new BitnovaPayError(500, "Server error - try again.");
        }
        authorize(exchange.getRequestHeaders().getFirst("Authorization"), version);
        ObjectNode params = "POST".equalsIgnoreCase(exchange.getRequestMethod()) ? jsonBody(exchange) : BitnovaPayJson.MAPPER.createObjectNode();
        query(exchange.getRequestURI().getRawQuery()).forEach(params::putIfAbsent);
        return endpoint.apply(params, parts.length == 5 ? URLDecoder.decode(parts[4], StandardCharsets.UTF_8) : null);
    }

    private void authorize(String header, String version) {
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        boolean personal = same(given, settings.personalKey());
        boolean business = same(given, settings.businessKey());
        if (!personal && !business) {
            throw new BitnovaPayError(401, "Unauthorized - invalid or missing API key.");
        }
        if ("v1".equals(version) != personal) {
            throw new BitnovaPayError(403, "Forbidden - this key cannot use /api/" + version + "/.");
        }
    }

    private static boolean same(String given, String expected) {
        return given != null && expected != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode jsonBody(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (raw.length == 0) {
            return BitnovaPayJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = BitnovaPayJson.MAPPER.readTree(raw);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException unparsable) {
            // answered below
        }
        throw new BitnovaPayError(400, "Invalid JSON body.");
    }

    private static Map<String, JsonNode> query(String rawQuery) {
        Map<String, JsonNode> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), BitnovaPayJson.MAPPER.getNodeFactory()
                            .textNode(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
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
        byte[] raw = BitnovaPayJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, raw.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(raw);
        }
    }
}
