package io.paybridge.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.ledger.BatchPayments;
import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.Batches;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a batch's files into the outbox directory, named after the file's stored name:
 * {@code <stored>.rejects.csv}, {@code <stored>.results.csv}, {@code <stored>.summary.json} and,
 * for a file that was not accepted, {@code <stored>.duplicate.json}. Everything is read back
 * from the ledger a page at a time, written to a hidden temporary file, then renamed into place,
 * so a reader never sees half a file and a crash mid-write leaves the previous version.
 */
final class BatchOutputs {
    static final String[] REJECTS_HEADER = {"line", "reference", "field", "rule", "reason"};
    static final String[] RESULTS_HEADER = {"line", "reference", "amount", "currency", "status", "provider", "provider_reference",
            "fee", "reason"};
    private static final int PAGE = 2000;

    private final Path outbox;
    private final Batches batches;
    private final BatchPayments payments;
    private final ObjectMapper json;

    BatchOutputs(Path outbox, Batches batches, BatchPayments payments, ObjectMapper json) {
        this.outbox = outbox;
        this.batches = batches;
        this.payments = payments;
        this.json = json;
    }

    static String rejectsName(String stored) {
        return stored + ".rejects.csv";
    }

    static String resultsName(String stored) {
        return stored + ".results.csv";
    }

    static String summaryName(String stored) {
        return stored + ".summary.json";
    }

    static String duplicateName(String stored) {
        return stored + ".duplicate.json";
    }

    Path outbox() {
        return outbox;
    }

    /** Every rejected row's problems, in file order (a header row only when there are none). */
    void writeRejects(BatchRecord b) {
        write(rejectsName(b.storedName()), out -> {
            try (CsvOut csv = new CsvOut(out, b.delimiter())) {
                csv.row(REJECTS_HEADER);
                long line = 0;
                int seq = 0;
                List<Batches.Reject> page;
                do {
                    page = batches.rejects(b.id(), line, seq, PAGE);
                    for (Batches.Reject r : page) {
                        csv.row(String.valueOf(r.line()), nonNull(r.reference()), r.field(), r.rule(), r.reason());
                        line = r.line();
                        seq = r.seq();
                    }
                } while (page.size() == PAGE);
            }
        });
    }

    /** The one-row rejects file of a file refused whole. */
    void writeRefused(String stored, char delimiter, long line, String rule, String reason) {
        write(rejectsName(stored), out -> {
            try (CsvOut csv = new CsvOut(out, delimiter)) {
                csv.row(REJECTS_HEADER);
                csv.row(String.valueOf(line), "", "file", rule, reason);
            }
        });
    }

    /** Every payment of the batch with its current state, in file order. */
    void writeResults(BatchRecord b) {
        write(resultsName(b.storedName()), out -> {
            try (CsvOut csv = new CsvOut(out, b.delimiter())) {
                csv.row(RESULTS_HEADER);
                long after = 0;
                List<BatchPayments.Row> page;
                do {
                    page = payments.rows(b.id(), after, PAGE);
                    for (BatchPayments.Row r : page) {
                        csv.row(String.valueOf(r.line()), r.id(), BatchSummaries.money(r.amount(), r.currency()), r.currency(),
                                r.status().name(), r.provider(), nonNull(r.providerReference()),
                                r.fee() == null ? "" : BatchSummaries.money(r.fee(), r.currency()), reason(r));
                        after = r.line();
                    }
                } while (page.size() == PAGE);
            }
        });
    }

    void writeJson(String name, Object value) {
        write(name, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, value));
    }

    private interface Content {
        void writeTo(BufferedWriter out) throws IOException;
    }

    private void write(String name, Content content) {
        try {
            Files.createDirectories(outbox);
            Path target = outbox.resolve(name);
            Path temp = outbox.resolve("." + name + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + outbox, e);
        }
    }

    private static String reason(BatchPayments.Row r) {
        if (r.reasonCode() == null) {
            return "";
        }
        return r.reasonMessage() == null ? r.reasonCode() : r.reasonCode() + ": " + r.reasonMessage();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
