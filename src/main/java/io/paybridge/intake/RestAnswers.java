package io.paybridge.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.ledger.Ledger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * HTTP answers of {@code /payments}: 202 with the payment's state (the same payment again for a
 * repeated id, flagged {@code Idempotent-Replayed: true}), 400 naming every bad field, 409 for an
 * id reused by a different command, 404 for an unknown id.
 */
public final class RestAnswers {
    private final Ledger ledger;
    private final ObjectMapper json;

    public RestAnswers(Ledger ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    public void submitted(Exchange exchange) throws JsonProcessingException {
        IntakeResult result = exchange.getProperty(ExchangeKeys.INTAKE_RESULT, IntakeResult.class);
        Message m = clear(exchange);
        switch (result.verdict()) {
            case NEW -> answer(m, 202, PaymentView.of(result.payment()));
            case REPEAT -> {
                m.setHeader("Idempotent-Replayed", "true");
                answer(m, 202, PaymentView.of(ledger.find(result.payment().id()).orElse(result.payment())));
            }
            case CONFLICT -> answer(m, 409, error("id already used by a different payment command", result.invalid()));
            case REJECTED -> answer(m, 400, error("invalid payment command", result.invalid()));
        }
    }

    public void lookup(Exchange exchange) throws JsonProcessingException {
        String id = exchange.getMessage().getHeader("id", String.class);
        Message m = clear(exchange);
        var payment = ledger.find(id);
        if (payment.isPresent()) {
            answer(m, 200, PaymentView.of(payment.get()));
        } else {
            answer(m, 404, Map.of("error", "no payment with id '" + id + "'"));
        }
    }

    private static Map<String, Object> error(String message, InvalidCommand invalid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (invalid.id() != null) {
            body.put("id", invalid.id());
        }
        body.put("violations", invalid.violations());
        return body;
    }

    private void answer(Message m, int status, Object body) throws JsonProcessingException {
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(json.writeValueAsString(body));
    }

    private static Message clear(Exchange exchange) {
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        return m;
    }
}
