package io.paybridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.reliability.FaultPayments.Planned;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.EmbeddedPostgresDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test 6: the whole log of a bundle run (its own JVM, paybridge's loggers at DEBUG) through
 * payments on all five providers under API and callback faults, plus bad input on every door and
 * a forged callback, holds no configured secret and no unmasked phone number.
 */
class LogSecretsTest {
    /** A Kenyan mobile number in any of the shapes the run uses: 07…, 2547…, +2547…, or BitPesa's 7… (9 digits). */
    static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])(?:\\+?254|0)?7[0-9]{8}(?![0-9])");
    static final Pattern SECRET_KEY = Pattern.compile(".*(secret|password|api-key|personal-key|business-key).*");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FaultRun run;
    private FaultChild child;

    @AfterEach
    void stop() throws Exception {
        if (child != null) {
            child.close();
        }
        if (run != null) {
            run.close();
        }
    }

    @Test
    void aFullRunUnderFaultsLogsNoSecretAndNoUnmaskedPhone(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("paybridge.faults.seed", System.nanoTime());
        EmbeddedPostgresDb db = EmbeddedPostgresDb.shared();
        // The server trusts local connections, so any password works: a recognisable one can be searched for.
        run = new FaultRun(EmbeddedKafka.shared(), new FaultSimulators(), db.freshDatabase(), db.user(), "pg-" + UUID.randomUUID());
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'><encoder>"
                + "<pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder></appender>"
                + "<logger name='org.apache.kafka' level='WARN'/><logger name='io.paybridge' level='DEBUG'/>"
                + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
        Path log = Path.of("target", "fault-logs-run.log");
        child = FaultChild.start(run.writeProperties(dir), log, "-Dlogback.configurationFile=" + logback);
        run.awaitWebhookRegistered();

        List<Planned> plan = FaultPayments.plan("f6-" + Long.toHexString(seed), 4, seed);
        run.sims.seed(seed);
        run.sims.all(f -> {
            f.serverErrorRate(0.2);
            f.slowAnswers(0.1, 2500);
            f.rateLimitBursts(0.03, 3);
            f.dropCallbackRate(0.2);
            f.duplicateCallbackRate(0.2);
        });
        run.send(plan);
        badInputOnEveryDoor();
        run.awaitFinalWords(plan, Duration.ofSeconds(75), Duration.ofSeconds(3));
        run.sims.all(f -> f.reset());
        FaultVerdict verdict = run.verdict(plan);
        // kill, not a polite stop: a child whose main thread parks on a latch waits out Camel Main's whole
        // graceful-shutdown timeout, and the log is flushed line by line anyway.
        child.kill();

        String text = child.log();
        List<String> secrets = new ArrayList<>();
        run.properties.forEach((k, v) -> {
            if (SECRET_KEY.matcher(k).matches() && v != null && v.length() >= 6) {
                secrets.add(v);
            }
        });
        secrets.add(run.sims.bitnova.webhookSecret(run.properties.get("paybridge.bitnovapay.webhook-url")));
        List<String> leakedSecrets = secrets.stream().filter(text::contains).map(LogSecretsTest::hint).toList();
        List<String> phones = new ArrayList<>();
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            int lineStart = text.lastIndexOf('\n', m.start()) + 1;
            int lineEnd = text.indexOf('\n', m.end());
            phones.add(text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("log", log + ", " + text.lines().count() + " lines, " + text.length() + " chars");
        extra.put("secrets searched", secrets.size() + ", found " + leakedSecrets.size() + " " + leakedSecrets);
        extra.put("unmasked phones", phones.size() + " " + phones.stream().limit(5).toList());
        extra.put("masked phones seen", Pattern.compile("\\d{4}\\*{4}\\d{3}").matcher(text).results().count());
        verdict.print("6 logs: secrets and phone numbers", seed, plan, run.sims.totalCalls(), extra);
        assertThat(leakedSecrets).as("configured secrets in the log").isEmpty();
        assertThat(phones).as("log lines with an unmasked phone number").isEmpty();
        verdict.assertInvariants();
    }

    /** Bad input that names a phone number on each door: REST, the Kafka topic (malformed JSON), a forged callback. */
    private void badInputOnEveryDoor() throws Exception {
        String base = "http://127.0.0.1:" + run.properties.get("paybridge.http.port");
        String invalid = "{\"id\":\"f6-bad-rest\",\"type\":\"PAYOUT\",\"provider\":\"bluepay\",\"amount\":\"-5\",\"currency\":\"KES\","
                + "\"country\":\"KE\",\"customer\":{\"phone\":\"0712345678\"}}";
        HttpResponse<String> rest = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/payments")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(invalid)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(400);
        String forged = "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0,\"CallbackMetadata\":{\"Item\":"
                + "[{\"Name\":\"PhoneNumber\",\"Value\":254712345678}]}}}}";
        HttpResponse<String> callback = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/callbacks/bluepay")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(forged)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).isLessThan(500);
        try (KafkaProducer<String, byte[]> producer = run.kafka.newProducer()) {
            String topic = run.properties.get("paybridge.topics.requests");
            producer.send(new ProducerRecord<>(topic, "f6-bad-json", "{\"id\":\"f6-bad-json\",\"customer\":{\"phone\":\"0712345678\""
                    .getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(topic, "f6-bad-phone", invalid.replace("f6-bad-rest", "f6-bad-phone")
                    .replace("-5", "100").replace("0712345678", "07123456789").getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** Enough of a leaked secret to find it in the configuration, not enough to use it. */
    private static String hint(String secret) {
        return secret.substring(0, 3) + "…(" + secret.length() + " chars)";
    }
}
