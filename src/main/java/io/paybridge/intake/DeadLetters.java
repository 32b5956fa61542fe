package io.paybridge.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.model.Violation;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Prepares a rejected Kafka record for the DLQ: the original bytes and key unchanged, with
 * headers naming the error class, each field and rule, and where the record came from.
 */
public final class DeadLetters {
    private final ObjectMapper json;

    public DeadLetters(ObjectMapper json) {
        this.json = json;
    }

    public void prepare(Exchange exchange) throws JsonProcessingException {
        IntakeResult result = exchange.getProperty(ExchangeKeys.INTAKE_RESULT, IntakeResult.class);
        InvalidCommand invalid = result.invalid();
        Message m = exchange.getMessage();
        Violation first = invalid.violations().get(0);
        m.setHeader(ExchangeKeys.DLQ_ERROR_CLASS, result.verdict() == IntakeResult.Verdict.CONFLICT ? "conflict" : "invalid-input");
        m.setHeader(ExchangeKeys.DLQ_ERROR, invalid.summary());
        m.setHeader(ExchangeKeys.DLQ_FIELD, first.field());
        m.setHeader(ExchangeKeys.DLQ_RULE, first.rule());
        m.setHeader(ExchangeKeys.DLQ_VIOLATIONS, json.writeValueAsString(invalid.violations()));
        m.setHeader(ExchangeKeys.DLQ_ORIGINAL_TOPIC, String.valueOf(m.getHeader(KafkaConstants.TOPIC)));
        m.setHeader(ExchangeKeys.DLQ_ORIGINAL_PARTITION, String.valueOf(m.getHeader(KafkaConstants.PARTITION)));
        m.setHeader(ExchangeKeys.DLQ_ORIGINAL_OFFSET, String.valueOf(m.getHeader(KafkaConstants.OFFSET)));
        // The consumer's topic header would otherwise redirect the record back to the requests topic.
        m.removeHeader(KafkaConstants.TOPIC);
        m.removeHeader(KafkaConstants.OVERRIDE_TOPIC);
    }
}
