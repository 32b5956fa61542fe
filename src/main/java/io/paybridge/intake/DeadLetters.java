package io.paybridge.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.model.Violation;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Prepares a Kafka record for the DLQ: the original bytes and key unchanged, with headers naming
 * the error class, each field and rule (or the failure), how many attempts were made, when, and
 * where the record came from. Error classes: {@code invalid-input} and {@code conflict} (refused
 * by intake, never retried) and {@code processing-error} (intake failed after its retries).
 */
public final class DeadLetters {
    public static final String INVALID_INPUT = "invalid-input";
    public static final String CONFLICT = "conflict";
    public static final String PROCESSING_ERROR = "processing-error";

    private final ObjectMapper json;

    public DeadLetters(ObjectMapper json) {
        this.json = json;
    }

    /** A record intake refused: its verdict and violations are on the exchange. */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        IntakeResult result = exchange.getProperty(ExchangeKeys.INTAKE_RESULT, IntakeResult.class);
        InvalidCommand invalid = result.invalid();
        Message m = exchange.getMessage();
        Violation first = invalid.violations().get(0);
        m.setHeader(ExchangeKeys.DLQ_ERROR_CLASS, result.verdict() == IntakeResult.Verdict.CONFLICT ? CONFLICT : INVALID_INPUT);
        m.setHeader(ExchangeKeys.DLQ_ERROR, invalid.summary());
        m.setHeader(ExchangeKeys.DLQ_FIELD, first.field());
        m.setHeader(ExchangeKeys.DLQ_RULE, first.rule());
        m.setHeader(ExchangeKeys.DLQ_VIOLATIONS, json.writeValueAsString(invalid.violations()));
        stamp(exchange, 0);
    }

    /**
     * A record whose processing threw after the error handler's retries (never a ledger or broker
     * outage: those are retried until they end, see errors.camel.yaml). The body is the record's
     * original bytes again, whatever the failed step left in it.
     */
    public void failed(Exchange exchange) throws JsonProcessingException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String why = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Message m = exchange.getMessage();
        m.setHeader(ExchangeKeys.DLQ_ERROR_CLASS, PROCESSING_ERROR);
        m.setHeader(ExchangeKeys.DLQ_ERROR, why);
        m.setHeader(ExchangeKeys.DLQ_FIELD, "$");
        m.setHeader(ExchangeKeys.DLQ_RULE, "processing");
        m.setHeader(ExchangeKeys.DLQ_VIOLATIONS, json.writeValueAsString(List.of(new Violation("$", "processing", why))));
        Integer redeliveries = m.getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        stamp(exchange, redeliveries == null ? 0 : redeliveries);
    }

    private static void stamp(Exchange exchange, int redeliveries) {
        Message m = exchange.getMessage();
        int earlier = exchange.getProperty(ExchangeKeys.ATTEMPTS, 0, Integer.class);
        m.setHeader(ExchangeKeys.DLQ_ATTEMPTS, String.valueOf(earlier + 1 + redeliveries));
        m.setHeader(ExchangeKeys.DLQ_FAILED_AT, Instant.now().toString());
        m.setHeader(ExchangeKeys.DLQ_ORIGINAL_TOPIC, String.valueOf(m.getHeader(KafkaConstants.TOPIC)));
        m.setHeader(ExchangeKeys.DLQ_ORIGINAL_PARTITION, String.valueOf(m.getHeader(KafkaConstants.PARTITION)));
        m.setHeader(ExchangeKeys.DLQ_ORIGINAL_OFFSET, String.valueOf(m.getHeader(KafkaConstants.OFFSET)));
        // The consumer's topic header would otherwise redirect the record back to the requests topic.
        m.removeHeader(KafkaConstants.TOPIC);
        m.removeHeader(KafkaConstants.OVERRIDE_TOPIC);
    }
}
