package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.paybridge.provider.bluepay.BluePayWebhookVerifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every log line of a run through the callback and DLQ paths (start-up, Kafka intake, dispatch
 * to the BluePay simulator, its signed callbacks, forged callbacks carrying phone numbers, an
 * invalid record on the DLQ and its replay) holds no configured secret and no unmasked phone
 * number. The lines are captured from logback itself, exceptions included.
 */
class CallbackAndDlqLogsTest extends FlowTestSupport {
    /** Kenyan mobile numbers as they could leak: 2547…/2541…, +254…, 07…/01…. */
    static final Pattern PHONE = Pattern.compile("(?<![\\d*])(\\+?254[17]\\d{8}|0[17]\\d{8})(?!\\d)");
    static final Captured LOGS = new Captured();

    @BeforeAll
    static void start() throws Exception {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        startWorld(Map.of("paybridge.reconcile.interval-ms", "500"));
    }

    @AfterAll
    static void detach() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    @Test
    void callbackAndDlqPathsLogNoSecretAndNoUnmaskedPhone() throws Exception {
        produce("log-c1", command("log-c1", "COLLECTION", "120", "0712345678"));
        produce("log-p1", command("log-p1", "PAYOUT", "300", "+254799887766"));
        produce("log-fail", command("log-fail", "PAYOUT", "500", "0712345999"));
        eventsUntil("log-c1", "SUCCEEDED");
        eventsUntil("log-p1", "SUCCEEDED");
        eventsUntil("log-fail", "FAILED");

        String phoneBody = "{\"event\":\"mpesa.payment.received\",\"data\":{\"account_reference\":\"log-c1\",\"phone\":\"254711222333\","
                + "\"msisdn\":\"0711222333\",\"status\":\"success\"}}";
        String forged = new BluePayWebhookVerifier("wrong").signatureFor(phoneBody.getBytes());
        post("/callbacks/bluepay", phoneBody, Map.of("X-BluePay-Signature", forged));
        post("/callbacks/bluepay", phoneBody, Map.of());
        post("/callbacks/kipay", phoneBody, Map.of("X-Kipay-Signature", "0".repeat(64)));
        post("/callbacks/acme", phoneBody, Map.of());

        produce("log-bad", "{\"id\":\"log-bad\",\"type\":\"PAYOUT\",\"amount\":\"10\",\"currency\":\"KES\",\"country\":\"KE\","
                + "\"customer\":{\"phone\":\"0712\"},\"description\":\"for 0722000111\"}");
        produce("log-bad2", "{\"id\":\"log-bad2\",\"type\":\"PAYOUT\",\"amount\":1,\"currency\":\"KES\",\"country\":\"KE\","
                + "\"customer\":{\"phone\":\"0733444555\"}}");
        ConsumerRecord<String, byte[]> dead = dlqUntil("log-bad2").get(0);
        dlqUntil("log-bad");
        post("/admin/dlq/replay", "{\"partition\":" + dead.partition() + ",\"offset\":" + dead.offset() + "}", Map.of());
        post("/admin/dlq/replay", "{\"partition\":" + dead.partition() + ",\"offset\":" + dead.offset()
                + ",\"command\":" + command("log-bad2", "PAYOUT", "100", "0733444555") + "}", Map.of());
        eventsUntil("log-bad2", "SUCCEEDED");

        List<String> lines = LOGS.lines();
        String all = String.join("\n", lines);
        assertThat(lines).hasSizeGreaterThan(10);
        assertThat(all).as("masked phones are what the log shows").contains("2547****678");
        for (String secret : secrets()) {
            assertThat(all).as("a configured secret in the logs").doesNotContain(secret);
        }
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PHONE.matcher(line);
            if (m.find()) {
                leaks.add(line);
            }
        }
        assertThat(leaks).as("log lines with an unmasked phone number").isEmpty();
        assertThat(all).doesNotContain("\"msisdn\"").doesNotContain("account_reference\":\"log-c1\",\"phone\"");
        System.out.println("[logs] " + lines.size() + " log lines checked: no secret, no unmasked phone");
    }

    /** Values of every configured property that is a secret by name, and the simulator's own secret. */
    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(app.property("paybridge.bluepay.api-secret"));
        app.camel().getPropertiesComponent().loadProperties().forEach((k, v) -> {
            String key = k.toString().toLowerCase();
            String value = String.valueOf(v);
            if ((key.contains("secret") || key.contains("password") || key.endsWith("-key") || key.contains("token"))
                    && !value.isBlank() && !value.startsWith("{{") && value.length() >= 6) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    /** A logback appender that keeps each event's formatted message and any exception's messages. */
    static final class Captured extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(" - ").append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
