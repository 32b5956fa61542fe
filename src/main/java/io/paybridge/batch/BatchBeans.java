package io.paybridge.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.dispatch.ProviderChoice;
import io.paybridge.intake.CommandReader;
import io.paybridge.ledger.BatchClaims;
import io.paybridge.ledger.BatchPayments;
import io.paybridge.ledger.Batches;
import io.paybridge.ledger.Ledger;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/**
 * Builds the batch beans once and binds them under the names {@code routes/batch.camel.yaml}
 * calls: {@code batchReception}, {@code batchWorker}, {@code batchCompletion},
 * {@code batchProgress}, {@code batchAnswers}.
 */
public final class BatchBeans {
    private BatchBeans() {
    }

    public static void bind(Registry registry, BatchSettings settings, DataSource dataSource, Ledger ledger, CommandReader reader,
                            ProviderChoice choice, ObjectMapper json, Clock clock) {
        Batches batches = new Batches(dataSource, clock);
        BatchPayments payments = new BatchPayments(dataSource);
        BatchOutputs outputs = new BatchOutputs(settings.outbox(), batches, payments, json);
        RowIntake intake = new RowIntake(reader, choice, ledger, new BatchClaims(dataSource, ledger), batches, new RowCommands(json));
        BatchParts parts = new BatchParts(settings, batches, payments, intake, outputs);
        BatchWorker worker = new BatchWorker(parts);
        registry.bind("batches", batches);
        registry.bind("batchReception", new BatchReception(settings, batches, outputs, clock));
        registry.bind("batchWorker", worker);
        registry.bind("batchCompletion", new BatchCompletion(parts, json, clock));
        registry.bind("batchProgress", new BatchProgress(parts, worker, clock));
        registry.bind("batchAnswers", new BatchAnswers(parts, worker, json));
    }
}
