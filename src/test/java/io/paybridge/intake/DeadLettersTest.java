package io.paybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.model.Violation;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.junit.jupiter.api.Test;

/** DLQ headers: error class, reason, attempts and origin, for refused records and for processing errors. */
class DeadLettersTest {
    private final DeadLetters deadLetters = new DeadLetters(new ObjectMapper());

    @Test
    void aRefusedRecordNamesItsFieldOneAttemptAndWhereItCameFrom() throws Exception {
        Exchange exchange = consumed();
        exchange.setProperty(ExchangeKeys.INTAKE_RESULT, new IntakeResult(IntakeResult.Verdict.REJECTED, null,
                new InvalidCommand("x-1", List.of(new Violation("amount", "type", "amount must be decimal text")))));
        deadLetters.prepare(exchange);
        var m = exchange.getMessage();
        assertThat(m.getHeader(ExchangeKeys.DLQ_ERROR_CLASS)).isEqualTo("invalid-input");
        assertThat(m.getHeader(ExchangeKeys.DLQ_FIELD)).isEqualTo("amount");
        assertThat(m.getHeader(ExchangeKeys.DLQ_ATTEMPTS)).isEqualTo("1");
        assertThat(m.getHeader(ExchangeKeys.DLQ_FAILED_AT, String.class)).endsWith("Z");
        assertThat(m.getHeader(ExchangeKeys.DLQ_ORIGINAL_TOPIC)).isEqualTo("requests");
        assertThat(m.getHeader(ExchangeKeys.DLQ_ORIGINAL_PARTITION)).isEqualTo("2");
        assertThat(m.getHeader(ExchangeKeys.DLQ_ORIGINAL_OFFSET)).isEqualTo("41");
        assertThat(m.getHeader(KafkaConstants.TOPIC)).isNull(); // or the record would go back to the requests topic
    }

    @Test
    void aProcessingErrorCountsTheRetriesAndEarlierReplays() throws Exception {
        Exchange exchange = consumed();
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("boom"));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 2);
        exchange.setProperty(ExchangeKeys.ATTEMPTS, 3); // replayed from a record that had failed three times
        deadLetters.failed(exchange);
        var m = exchange.getMessage();
        assertThat(m.getHeader(ExchangeKeys.DLQ_ERROR_CLASS)).isEqualTo("processing-error");
        assertThat(m.getHeader(ExchangeKeys.DLQ_ERROR)).isEqualTo("IllegalStateException: boom");
        assertThat(m.getHeader(ExchangeKeys.DLQ_ATTEMPTS)).isEqualTo("6");
        assertThat(m.getHeader(ExchangeKeys.DLQ_VIOLATIONS, String.class)).contains("\"rule\":\"processing\"");
        assertThat(m.getBody(String.class)).isEqualTo("{\"id\":\"x-1\"}");
    }

    private static Exchange consumed() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("{\"id\":\"x-1\"}");
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, "requests");
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, 2);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, 41L);
        return exchange;
    }
}
