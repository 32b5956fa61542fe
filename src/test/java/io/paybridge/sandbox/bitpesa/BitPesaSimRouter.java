package io.paybridge.sandbox.bitpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP entry point. Order: count, latency, injected 503, authentication (key, fresh nonce,
 * signature over the full URL as received and the exact body bytes), then the endpoint.
 */
final class BitPesaSimRouter implements HttpHandler {
    private final BitPesaSimulator.Settings settings;
    private final BitPesaSimState state;
    private final BitPesaFaults faults;
    private final BitPesaSimEndpoints endpoints;
    private final String baseUrl;

    BitPesaSimRouter(BitPesaSimulator.Settings settings, BitPesaSimState state, BitPesaFaults faults, BitPesaSimEndpoints endpoints,
                     String baseUrl) {
        this.settings = settings;
        this.state = state;
        this.faults = faults;
        this.endpoints = endpoints;
        this.baseUrl = baseUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            state.countCall(path);
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            int status = 200;
            ObjectNode body;
            try {
                body = dispatch(exchange, path, raw);
                status = "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
            } catch (BitPesaSimError e) {
                status = e.status();
                body = e.body();
            } catch (RuntimeException e) {
                status = 500;
                body = BitPesaSimError.of(500, e.toString()).body();
            }
            respond(exchange, status, body);
        } finally {
            exchange.close();
        }
    }

    private ObjectNode dispatch(HttpExchange exchange, String path, byte[] raw) {
        pause(faults.latencyMillis());
        if (faults.shouldFailThisCall()) {
            throw BitPesaSimError.of(503, "Service unavailable");
        }
        if (faults.shouldRateLimitThisCall()) {
            throw BitPesaSimError.of(429, "Too many requests");
        }
        String method = exchange.getRequestMethod();
        authenticate(exchange, method, raw);
        String query = exchange.getRequestURI().getRawQuery();
        String externalId = param(query, "external_id");
        JsonNode json = "POST".equals(method) ? parse(raw) : null;
        if (path.equals("/v1/senders")) {
            return "GET".equals(method) ? endpoints.listSenders(externalId) : endpoints.createSender(json);
        }
        if (path.equals("/v1/transactions")) {
            return "GET".equals(method) ? endpoints.listTransactions(externalId) : endpoints.createTransaction(json);
        }
        if (path.startsWith("/v1/transactions/")) {
            String id = path.substring("/v1/transactions/".length());
            return "DELETE".equals(method) ? endpoints.cancel(id) : endpoints.getTransaction(id);
        }
        if (path.equals("/v1/accounts/debits") && "POST".equals(method)) {
            return endpoints.debit(json);
        }
        if (path.equals("/v1/accounts") && "GET".equals(method)) {
            return endpoints.accounts();
        }
        throw BitPesaSimError.of(404, "Not found");
    }

    private void authenticate(HttpExchange exchange, String method, byte[] raw) {
        var headers = exchange.getRequestHeaders();
        String key = headers.getFirst("Authorization-Key");
        String nonce = headers.getFirst("Authorization-Nonce");
        String signature = headers.getFirst("Authorization-Signature");
        if (!BitPesaSimCrypto.same(key, settings.apiKey()) || nonce == null || signature == null) {
            throw BitPesaSimError.of(401, "Invalid API key or missing authentication headers");
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String url = baseUrl + exchange.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
        String expected = BitPesaSimCrypto.signature(settings.apiSecret(), nonce, method, url, "GET".equals(method)
                || "DELETE".equals(method) ? new byte[0] : raw);
        if (!BitPesaSimCrypto.same(expected, signature.toLowerCase())) {
            throw BitPesaSimError.of(401, "Invalid signature");
        }
        if (!state.freshNonce(nonce)) {
            throw BitPesaSimError.of(401, "Nonce already used");
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            JsonNode node = BitPesaSimJson.MAPPER.readTree(raw);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException notJson) {
            // answered below
        }
        throw BitPesaSimError.of(400, "Body must be a JSON object");
    }

    private static String param(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
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

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, raw.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(raw);
        }
    }
}
