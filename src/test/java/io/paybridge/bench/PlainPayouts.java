package io.paybridge.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.sun.net.httpserver.HttpServer;
import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bare twin of the batch benchmark (contender C, {@code -Dbench.bare=true}): a plain Java
 * program doing the same HTTP and signing work as paybridge and nothing else, with the project's own BluePay classes for everything
 * provider-specific, so that only the integration layer differs. It streams the same CSV with
 * the same library, builds each row's {@link PaymentCommand}, has {@link BluePayConnector}
 * build the signed request and read the answer, sends {@code concurrency} requests at a time
 * with the JDK client, and verifies and reads every callback with the connector's verifier and
 * callback reader. No ledger, no validation, no events.
 *
 * <p>Run in its own JVM by {@link BatchThroughputBench}, with the same flags as paybridge's:
 * {@code main(baseUrl, secret, concurrency, file, rows)} prints {@code PLAIN NANOS <n>} and
 * {@code PLAIN UNANSWERED <n>} (calls that failed: no callback is waited for them). Since the
 * ledger-keeping {@link PlainBatchTwin} it is the benchmark's optional third contender.
 */
final class PlainPayouts {
    private final String baseUrl;
    private final String secret;
    private final int concurrency;
    private final ObjectMapper json = Json.newMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Payouts whose call failed or was refused: no callback will come for them, so they are not waited for. */
    private final AtomicInteger unanswered = new AtomicInteger();

    PlainPayouts(String baseUrl, String secret, int concurrency) {
        this.baseUrl = baseUrl;
        this.secret = secret;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        PlainPayouts plain = new PlainPayouts(args[0], args[1], Integer.parseInt(args[2]));
        long nanos = plain.run(Path.of(args[3]), Integer.parseInt(args[4]));
        System.out.println("PLAIN NANOS " + nanos);
        System.out.println("PLAIN UNANSWERED " + plain.unanswered.get());
        System.exit(0);
    }

    /** Pays every row of {@code file}; returns once every callback has been received and verified. */
    long run(Path file, int rows) throws Exception {
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        String callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callbacks";
        BluePayConnector connector = new BluePayConnector(new BluePaySettings(baseUrl, secret, null, null, null, callbackUrl), json);
        receiver.createContext("/callbacks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            CallbackHeaders callbackHeaders = new CallbackHeaders(headers);
            boolean ok = connector.webhookVerifier().verify(body, callbackHeaders).valid();
            if (ok) {
                CallbackUpdate update = connector.readCallback(body, callbackHeaders);
                ok = update.outcome() != null && update.outcome().status() == PaymentStatus.SUCCEEDED;
            }
            (ok ? verified : rejected).incrementAndGet();
            exchange.sendResponseHeaders(ok ? 200 : 401, -1);
            exchange.close();
        });
        receiver.start();
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
                        pay(connector, r);
                    } catch (Exception e) {
                        unanswered.incrementAndGet();
                        System.out.println("PLAIN FAILED " + r[0] + ": " + e);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        while (verified.get() + rejected.get() + unanswered.get() < rows) {
            Thread.sleep(20); // a benchmark harness polling a counter
        }
        long elapsed = System.nanoTime() - started;
        senders.shutdown();
        receiver.stop(0);
        if (rejected.get() > 0) {
            throw new IllegalStateException(rejected.get() + " callbacks failed verification or did not say SUCCEEDED");
        }
        return elapsed;
    }

    private void pay(BluePayConnector connector, String[] r) throws Exception {
        // What intake would hold after validation: the phone in E.164, the amount as a number.
        PaymentCommand command = new PaymentCommand(r[0], PaymentType.PAYOUT, BluePayConnector.NAME, new BigDecimal(r[1]), r[2], r[3],
                new Customer("+254" + r[4].substring(1), null, r[5], null, null, null, null), r[6], null, null);
        ProviderRequest request = connector.initiate(command);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        Outcome outcome = connector.afterInitiation(command, List.of(new ProviderCall(request,
                new ProviderResponse(response.statusCode(), response.body())))).outcome();
        if (outcome == null || outcome.status() == PaymentStatus.FAILED) {
            throw new IllegalStateException(r[0] + ": HTTP " + response.statusCode());
        }
    }
}
