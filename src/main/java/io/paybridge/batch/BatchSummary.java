package io.paybridge.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A batch in numbers: what {@code <file>.summary.json} holds, what the batch events carry, and
 * what {@code GET /batches/{id}} answers. Amounts are decimal strings per currency.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchSummary(
        String batchId,
        String file,
        String storedName,
        String sha256,
        String state,
        Boolean allSettled,
        Integer revision,
        Rows rows,
        Long settled,
        Long pending,
        Map<String, StatusTotals> statuses,
        Instant receivedAt,
        Instant readAt,
        Instant resultsAt,
        Durations durations,
        Files files,
        String reason) {

    /** Data rows in the file; read so far; valid (claimed) and rejected among them. */
    public record Rows(long total, long read, long valid, long rejected) {
    }

    /** Payments of one status: how many, and their amounts and provider fees per currency. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StatusTotals(long count, Map<String, String> amounts, Map<String, String> fees) {
    }

    /** Reading (drop to every row read), settling (every row read to results), and the whole, in milliseconds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Durations(Long readingMillis, Long settlingMillis, Long totalMillis) {
    }

    /** The output files, by name, in the outbox directory. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Files(String results, String rejects, String summary) {
    }
}
