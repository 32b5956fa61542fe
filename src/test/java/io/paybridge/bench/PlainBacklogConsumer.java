package io.paybridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.dispatch.ProviderChoice;
import io.paybridge.dispatch.RoutingRules;
import io.paybridge.intake.CommandReader;
import io.paybridge.intake.CommandSchema;
import io.paybridge.intake.Intake;
import io.paybridge.intake.IntakeResult;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.Payment;
import io.paybridge.model.EventSource;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The twin's ERP door: a {@link KafkaConsumer} (100 records a poll, as the bundle's route) hands
 * each command to the project's {@link Intake} (read, validate, bind, claim in the ledger),
 * commits the poll's offsets once every record of it is claimed, and queues the new payment ids
 * to {@code paybridge.dispatch.concurrency} threads, each sending one payment at a time with the
 * JDK {@link HttpClient}: mark SUBMITTED, call, let the connector read the answer, apply it.
 */
final class PlainBacklogConsumer {
    private PlainBacklogConsumer() {
    }

    static void start(Properties p, ObjectMapper json, Connector connector, Ledger ledger) {
        ConnectorRegistry registry = new ConnectorRegistry().register(connector);
        Intake intake = new Intake(new CommandReader(json, new CommandSchema()),
                new ProviderChoice(registry, RoutingRules.parse(p.getProperty("paybridge.routing.rules", "KE/KES/*=bluepay"))), ledger);
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(Integer.parseInt(p.getProperty("paybridge.dispatch.queue-size", "1000")));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int workers = Integer.parseInt(p.getProperty("paybridge.dispatch.concurrency", "4"));
        for (int i = 0; i < workers; i++) {
            daemon("dispatch-" + i, () -> {
                while (true) {
                    send(queue.take(), connector, ledger, http);
                }
            });
        }
        KafkaConsumer<String, byte[]> consumer = consumer(p);
        daemon("intake", () -> {
            consumer.subscribe(List.of(p.getProperty("paybridge.topics.requests")));
            while (true) {
                List<String> fresh = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    IntakeResult result = intake.accept(r.value());
                    if (result.verdict() == IntakeResult.Verdict.NEW) {
                        fresh.add(result.paymentId());
                    }
                }
                if (!fresh.isEmpty()) {
                    consumer.commitSync(); // every record of this poll is in the ledger now
                    for (String id : fresh) {
                        queue.put(id);
                    }
                }
            }
        });
    }

    private static void send(String id, Connector connector, Ledger ledger, HttpClient http) throws Exception {
        Payment payment = ledger.find(id).orElseThrow();
        if (payment.status() != PaymentStatus.RECEIVED) {
            return;
        }
        ProviderRequest request = connector.initiate(payment.command());
        if (!ledger.markSubmitted(payment)) {
            return;
        }
        List<ProviderCall> calls = new ArrayList<>();
        while (true) {
            calls.add(new ProviderCall(request, call(http, request)));
            Step step = connector.afterInitiation(payment.command(), calls);
            if (step.isDone()) {
                ledger.apply(id, step.outcome(), EventSource.RESPONSE);
                return;
            }
            request = step.next();
        }
    }

    private static ProviderResponse call(HttpClient http, ProviderRequest request) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(b::header);
        HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new ProviderResponse(response.statusCode(), response.body());
    }

    private static KafkaConsumer<String, byte[]> consumer(Properties p) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, p.getProperty("paybridge.kafka.brokers"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, p.getProperty("paybridge.kafka.consumer-group"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void daemon(String name, Work work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
