package io.paybridge.bench;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.paybridge.ledger.BatchPayments;
import io.paybridge.model.Violation;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;

/**
 * The batch twin's output files, with the bundle's columns: the rejects, written as rows are
 * rejected while reading (an instance), and the results ({@link #writeResults}), read back from the ledger a page at a time in file
 * order ({@link BatchPayments}, the bundle's own query) once every payment is settled or in
 * review. Nothing is held in memory beyond one page.
 */
final class TwinFiles implements Closeable {
    private static final int PAGE = 2000;
    private static final CsvMapper CSV = new CsvMapper();

    private final SequenceWriter rejects;

    TwinFiles(Path dir, String name) throws IOException {
        this.rejects = open(dir.resolve(name + ".rejects.csv"));
        rejects.write(new String[] {"line", "reference", "field", "rule", "reason"});
    }

    void reject(long line, String reference, List<Violation> violations) throws IOException {
        for (Violation v : violations) {
            rejects.write(new String[] {String.valueOf(line), reference == null ? "" : reference, v.field(), v.rule(), v.message()});
        }
    }

    /** Every payment of {@code batchId} with its current state, in file order; answers the path written. */
    static Path writeResults(Path dir, String name, BatchPayments payments, String batchId) throws IOException {
        Path file = dir.resolve(name + ".results.csv");
        try (SequenceWriter out = open(file)) {
            out.write(new String[] {"line", "reference", "amount", "currency", "status", "provider", "provider_reference", "fee", "reason"});
            long after = 0;
            List<BatchPayments.Row> page;
            do {
                page = payments.rows(batchId, after, PAGE);
                for (BatchPayments.Row r : page) {
                    out.write(new String[] {String.valueOf(r.line()), r.id(), money(r.amount(), r.currency()), r.currency(),
                            r.status().name(), r.provider(), text(r.providerReference()), money(r.fee(), r.currency()), reason(r)});
                    after = r.line();
                }
            } while (page.size() == PAGE);
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        rejects.close();
    }

    private static SequenceWriter open(Path file) throws IOException {
        return CSV.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(file.toFile());
    }

    /** The amount with the currency's usual decimals (KES 10 → "10.00"). */
    private static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        try {
            return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY).toPlainString();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return amount.toPlainString();
        }
    }

    private static String reason(BatchPayments.Row r) {
        if (r.reasonCode() == null) {
            return "";
        }
        return r.reasonMessage() == null ? r.reasonCode() : r.reasonCode() + ": " + r.reasonMessage();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
