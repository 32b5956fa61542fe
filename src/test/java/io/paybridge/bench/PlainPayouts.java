package io.paybridge.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.sun.net.httpserver.HttpServer;
import io.paybridge.crypto.HmacKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline the batch benchmark compares paybridge with: a plain Java program doing the same
 * HTTP and signing work and nothing else. It streams the same CSV with the same library, posts
 * each row to the BluePay simulator as a B2C payout (same JSON shape, Bearer auth, our reference
 * as BluePay's), {@code concurrency} requests at a time, and verifies every signed callback
 * (HMAC-SHA256 over the raw body, constant time). No ledger, no validation, no events.
 */
final class PlainPayouts {
    private final String baseUrl;
    private final String secret;
    private final int concurrency;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    PlainPayouts(String baseUrl, String secret, int concurrency) {
        this.baseUrl = baseUrl;
        this.secret = secret;
        this.concurrency = concurrency;
    }

    /** Pays every row of {@code file}; returns once every callback has been received and verified. */
    long run(Path file, int rows) throws Exception {
        HmacKey key = HmacKey.sha256(secret);
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/callbacks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-BluePay-Signature");
            boolean ok = signature != null && signature.startsWith("v1=") && key.verifyHex(body, signature.substring(3));
            (ok ? verified : rejected).incrementAndGet();
            exchange.sendResponseHeaders(ok ? 200 : 401, -1);
            exchange.close();
        });
        receiver.start();
        String callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callbacks";
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        Semaphore inFlight = new Semaphore(concurrency * 4); // bounded, like paybridge's queue: flat memory
        long started = System.nanoTime();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try (MappingIterator<String[]> records = csv.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(file.toFile())) {
            records.nextValue(); // header: reference,amount,currency,country,phone,name,description
            while (records.hasNextValue()) {
                String[] r = records.nextValue();
                inFlight.acquire();
                senders.submit(() -> {
                    try {
                        post(r, callbackUrl);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        while (verified.get() + rejected.get() < rows) {
            Thread.sleep(20); // a benchmark harness polling a counter
        }
        long elapsed = System.nanoTime() - started;
        senders.shutdown();
        receiver.stop(0);
        if (rejected.get() > 0) {
            throw new IllegalStateException(rejected.get() + " callbacks failed verification");
        }
        return elapsed;
    }

    private void post(String[] r, String callbackUrl) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", Long.parseLong(r[1]));
        body.put("phone", "254" + r[4].substring(1));
        body.put("reference", r[0]);
        body.put("description", r[6]);
        body.put("callbackUrl", callbackUrl);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/b2c/payouts"))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(r[0] + ": HTTP " + response.statusCode());
        }
        json.readTree(response.body());
    }
}
