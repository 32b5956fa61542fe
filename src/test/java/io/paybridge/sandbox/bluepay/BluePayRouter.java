package io.paybridge.sandbox.bluepay;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The single HTTP entry point. Order of checks: count the call, 404 for unknown paths, then
 * (for API calls) latency, injected 503, 405, 401, 400 for a bad body, and finally the
 * endpoint. The injected 503 comes before auth on purpose: it models a load balancer or an
 * outage that answers before BluePay's code runs.
 */
final class BluePayRouter implements HttpHandler {

    private record Route(Set<String> methods, boolean b2c, Function<ObjectNode, Map<String, Object>> endpoint) {
    }

    private final BluePaySimulator.Settings settings;
    private final BluePayState state;
    private final BluePayFaults faults;
    private final Map<String, Route> routes = new HashMap<>();

    BluePayRouter(BluePaySimulator.Settings settings, BluePayState state, BluePayFaults faults,
                  BluePayStkEndpoints stk, BluePayB2cEndpoints b2c) {
        this.settings = settings;
        this.state = state;
        this.faults = faults;
        Set<String> getOrPost = Set.of("GET", "POST");
        routes.put("/api/payment_channels.php", new Route(getOrPost, false, stk::channels));
        routes.put("/api/stk_push.php", new Route(Set.of("POST"), false, stk::stkPush));
        routes.put("/api/v2/payments.php", new Route(Set.of("POST"), false, stk::stkPush));
        routes.put("/api/payment_status.php", new Route(getOrPost, false, stk::paymentStatus));
        routes.put("/api/v1/b2c/payouts", new Route(Set.of("POST"), true, b2c::payout));
        routes.put("/api/v1/b2c/payout_status", new Route(Set.of("GET"), true, b2c::payoutStatus));
        routes.put("/api/v1/b2c/wallet/balance", new Route(Set.of("GET"), true, b2c::balance));
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
            faults.callStarted();
            try {
                body = dispatch(exchange, routes.get(path));
            } catch (BluePayError e) {
                status = e.status();
                body = e.body();
            } catch (RuntimeException e) {
                status = 500;
                body = BluePayError.of(500, "Internal error: " + e).body();
            } finally {
                faults.callEnded(); // before answering: the client cannot have seen the answer yet
            }
            if (faults.losesAnswer(exchange.getRequestMethod())) {
                return; // carried out, but the connection closes without an answer
            }
            respond(exchange, status, body);
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> dispatch(HttpExchange exchange, Route route) throws IOException {
        if (route == null) {
            throw BluePayError.of(404, "Not found");
        }
        pause(faults.latencyMillis());
        if (faults.shouldFailThisCall()) {
            throw BluePayError.unavailable(route.b2c());
        }
        if (faults.shouldRateLimitThisCall()) {
            throw BluePayError.of(429, "Too many requests");
        }
        String method = exchange.getRequestMethod().toUpperCase();
        if (!route.methods().contains(method)) {
            throw BluePayError.of(405, "Method not allowed");
        }
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw BluePayError.unauthorized();
        }
        ObjectNode params = "POST".equals(method) ? jsonBody(exchange) : BluePayJson.MAPPER.createObjectNode();
        // Query parameters also count on POST (as PHP's $_REQUEST would), but never override the body.
        queryParams(exchange.getRequestURI().getRawQuery()).forEach(params::putIfAbsent);
        return route.endpoint().apply(params);
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return constantTimeEquals(header.substring(7).trim(), settings.apiSecret());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6) && settings.basicUsername() != null) {
            String expected = settings.basicUsername() + ":" + settings.basicPassword();
            try {
                byte[] decoded = Base64.getDecoder().decode(header.substring(6).trim());
                return constantTimeEquals(new String(decoded, StandardCharsets.UTF_8), expected);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return false;
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return expected != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode jsonBody(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (raw.length == 0) {
            return BluePayJson.MAPPER.createObjectNode();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            throw BluePayError.of(400, "Invalid JSON body");
        }
        try {
            JsonNode node = BluePayJson.MAPPER.readTree(raw);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException unparsable) {
            // fall through to the 400 below
        }
        throw BluePayError.of(400, "Invalid JSON body");
    }

    private static Map<String, JsonNode> queryParams(String rawQuery) {
        Map<String, JsonNode> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, BluePayJson.MAPPER.getNodeFactory().textNode(value));
        }
        return params;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] raw = BluePayJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, raw.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(raw);
        }
    }
}
