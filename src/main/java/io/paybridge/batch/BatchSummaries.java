package io.paybridge.batch;

import io.paybridge.ledger.BatchPayments;
import io.paybridge.ledger.BatchRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link BatchSummary} values from what the ledger holds about a batch and its payments. */
final class BatchSummaries {
    private BatchSummaries() {
    }

    /**
     * The summary of a batch. {@code live} (may be null) carries counts newer than the batch's
     * checkpoint; {@code totals} (may be null) the per-status totals of its payments.
     */
    static BatchSummary of(BatchRecord b, LiveProgress live, List<BatchPayments.Total> totals, String state, Instant resultsAt,
                           Integer revision) {
        boolean fresh = live != null && live.reading();
        BatchSummary.Rows rows = new BatchSummary.Rows(b.rowsTotal(), fresh ? live.rowsRead() : b.rowsRead(),
                fresh ? live.rowsValid() : b.rowsValid(), fresh ? live.rowsRejected() : b.rowsRejected());
        Long settled = null;
        Long pending = null;
        Map<String, BatchSummary.StatusTotals> statuses = null;
        if (totals != null) {
            settled = totals.stream().filter(t -> t.status().isTerminal()).mapToLong(BatchPayments.Total::count).sum();
            pending = totals.stream().filter(t -> !t.status().isTerminal()).mapToLong(BatchPayments.Total::count).sum();
            statuses = statuses(totals);
        }
        Boolean allSettled = totals == null || b.readAt() == null ? null : pending == 0;
        return new BatchSummary(b.id(), b.fileName(), b.storedName(), b.sha256(), state, allSettled, revision, rows, settled,
                pending, statuses, b.receivedAt(), b.readAt(), resultsAt, durations(b, resultsAt), files(b), null);
    }

    static BatchSummary.Files files(BatchRecord b) {
        return new BatchSummary.Files(BatchOutputs.resultsName(b.storedName()), BatchOutputs.rejectsName(b.storedName()),
                BatchOutputs.summaryName(b.storedName()));
    }

    private static Map<String, BatchSummary.StatusTotals> statuses(List<BatchPayments.Total> totals) {
        Map<String, BatchSummary.StatusTotals> byStatus = new TreeMap<>();
        for (BatchPayments.Total t : totals) {
            BatchSummary.StatusTotals sum = byStatus.getOrDefault(t.status().name(),
                    new BatchSummary.StatusTotals(0, new TreeMap<>(), new TreeMap<>()));
            sum.amounts().merge(t.currency(), money(t.amount(), t.currency()), BatchSummaries::add);
            if (t.fee() != null) {
                sum.fees().merge(t.currency(), money(t.fee(), t.currency()), BatchSummaries::add);
            }
            byStatus.put(t.status().name(), new BatchSummary.StatusTotals(sum.count() + t.count(), sum.amounts(), sum.fees()));
        }
        return byStatus;
    }

    private static BatchSummary.Durations durations(BatchRecord b, Instant resultsAt) {
        Long reading = b.readAt() == null ? null : Duration.between(b.receivedAt(), b.readAt()).toMillis();
        Long settling = b.readAt() == null || resultsAt == null ? null : Duration.between(b.readAt(), resultsAt).toMillis();
        Long total = resultsAt == null ? null : Duration.between(b.receivedAt(), resultsAt).toMillis();
        return new BatchSummary.Durations(reading, settling, total);
    }

    /** An amount at its currency's minor units (KES 1500 → "1500.00"). */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits >= 0 && amount.stripTrailingZeros().scale() <= digits) {
                return amount.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
            }
        } catch (IllegalArgumentException unknownCurrency) {
            // fall through: written as held
        }
        return amount.stripTrailingZeros().toPlainString();
    }

    private static String add(String a, String b) {
        return new BigDecimal(a).add(new BigDecimal(b)).toPlainString();
    }
}
