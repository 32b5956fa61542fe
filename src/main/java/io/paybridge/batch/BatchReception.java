package io.paybridge.batch;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.Batches;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what becomes of a file the inbox consumer picked up, before any row is paid: accepted
 * (registered in the ledger, moved to {@code done/} where the batch reader takes it from),
 * refused whole (unusable header, not CSV, not UTF-8: moved to {@code failed/} with a one-row
 * rejects file and a summary), or a duplicate of content already accepted (moved to
 * {@code failed/} with a report naming that batch; nothing is paid). Sets
 * {@link ExchangeKeys#BATCH_MOVE_TO}, which the route's {@code move} option uses.
 */
public final class BatchReception {
    private static final Logger LOG = LoggerFactory.getLogger(BatchReception.class);

    private final BatchSettings settings;
    private final Batches batches;
    private final BatchOutputs outputs;
    private final Clock clock;

    BatchReception(BatchSettings settings, Batches batches, BatchOutputs outputs, Clock clock) {
        this.settings = settings;
        this.batches = batches;
        this.outputs = outputs;
        this.clock = clock;
    }

    public void receive(Exchange exchange) throws IOException {
        Path file = exchange.getMessage().getBody(File.class).toPath();
        String name = file.getFileName().toString();
        String moveTo = receive(file, name);
        exchange.setProperty(ExchangeKeys.BATCH_MOVE_TO, moveTo);
    }

    /** Returns where the consumer must move the file, relative to the inbox. */
    String receive(Path file, String name) throws IOException {
        Instant now = clock.instant();
        FileInspection inspected = FileInspection.inspect(file, settings.delimiter());
        if (!inspected.usable()) {
            String stored = StoredNames.unique(settings, name, now);
            outputs.writeRefused(stored, inspected.delimiter(), inspected.problemLine(), inspected.problemRule(), inspected.problem());
            outputs.writeJson(BatchOutputs.summaryName(stored), new BatchSummary(null, name, stored, inspected.sha256(), "REJECTED",
                    null, null, null, null, null, null, now, null, null, null,
                    new BatchSummary.Files(null, BatchOutputs.rejectsName(stored), BatchOutputs.summaryName(stored)),
                    inspected.problem()));
            LOG.warn("batch file {} refused whole, moved to failed/{}: {}", name, stored, inspected.problem());
            return "failed/" + stored;
        }
        Optional<BatchRecord> existing = batches.bySha256(inspected.sha256());
        if (existing.isPresent()) {
            BatchRecord original = existing.get();
            if (original.fileName().equals(name) && !Files.exists(settings.done().resolve(original.storedName()))) {
                // Accepted before a crash that came before the move: finish the move, nothing else.
                LOG.info("batch {} ({}) was accepted before a restart; moving it to done/{}", original.id(), name, original.storedName());
                return "done/" + original.storedName();
            }
            return duplicate(name, inspected, original, now);
        }
        String stored = StoredNames.unique(settings, name, now);
        BatchRecord batch = BatchRecord.received(batchId(inspected.sha256()), inspected.sha256(), name, stored,
                inspected.delimiter(), inspected.sizeBytes(), inspected.rowsTotal(), now);
        batches.register(batch);
        LOG.info("batch {} accepted: {} ({} rows, {} bytes, '{}'-delimited), stored as done/{}", batch.id(), name,
                inspected.rowsTotal(), inspected.sizeBytes(), inspected.delimiter(), stored);
        return "done/" + stored;
    }

    private String duplicate(String name, FileInspection inspected, BatchRecord original, Instant now) {
        String stored = StoredNames.unique(settings, name, now);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", name);
        report.put("storedName", stored);
        report.put("sha256", inspected.sha256());
        report.put("receivedAt", now);
        report.put("paid", 0);
        report.put("duplicateOf", Map.of("batchId", original.id(), "file", original.fileName(), "storedName", original.storedName(),
                "receivedAt", original.receivedAt(), "state", original.state().name()));
        report.put("reason", "same content (SHA-256) as batch " + original.id() + ", file " + original.fileName() + " received "
                + original.receivedAt() + "; nothing in this file was paid");
        outputs.writeJson(BatchOutputs.duplicateName(stored), report);
        LOG.warn("batch file {} is a duplicate of batch {} ({}); nothing paid, moved to failed/{}", name, original.id(),
                original.fileName(), stored);
        return "failed/" + stored;
    }

    /** A batch's id: short, stable for its content, so a re-read after a restart names the same batch. */
    static String batchId(String sha256) {
        return "b-" + sha256.substring(0, 16);
    }
}
