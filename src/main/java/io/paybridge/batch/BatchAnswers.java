package io.paybridge.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.ledger.BatchRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * HTTP answers of {@code /batches}: {@code GET /batches} lists the most recent batches with their
 * row counts; {@code GET /batches/{id}} answers one batch with the same counts the progress log
 * shows, its totals per status and currency, and its output files (404 for an unknown id).
 */
public final class BatchAnswers {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final BatchParts parts;
    private final BatchWorker worker;
    private final ObjectMapper json;

    BatchAnswers(BatchParts parts, BatchWorker worker, ObjectMapper json) {
        this.parts = parts;
        this.worker = worker;
        this.json = json;
    }

    public void list(Exchange exchange) throws JsonProcessingException {
        int limit = limit(exchange.getMessage().getHeader("limit", String.class));
        List<BatchSummary> recent = parts.batches().recent(limit).stream()
                .map(b -> BatchSummaries.of(b, worker.live(b.id()).orElse(null), null, b.state().name(), b.resultsAt(),
                        b.resultsRevision() == 0 ? null : b.resultsRevision()))
                .toList();
        answer(exchange, 200, Map.of("batches", recent));
    }

    public void lookup(Exchange exchange) throws JsonProcessingException {
        String id = exchange.getMessage().getHeader("id", String.class);
        Optional<BatchRecord> batch = id == null ? Optional.empty() : parts.batches().find(id);
        if (batch.isEmpty()) {
            answer(exchange, 404, Map.of("error", "no batch with id '" + id + "'"));
            return;
        }
        BatchRecord b = batch.get();
        answer(exchange, 200, BatchSummaries.of(b, worker.live(b.id()).orElse(null), parts.payments().totals(b.id()),
                b.state().name(), b.resultsAt(), b.resultsRevision() == 0 ? null : b.resultsRevision()));
    }

    private static int limit(String text) {
        try {
            int value = text == null ? DEFAULT_LIMIT : Integer.parseInt(text.trim());
            return Math.max(1, Math.min(MAX_LIMIT, value));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    private void answer(Exchange exchange, int status, Object body) throws JsonProcessingException {
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(json.writeValueAsString(body));
    }
}
