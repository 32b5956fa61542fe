package io.paybridge.batch;

import io.paybridge.ledger.BatchPayments;
import io.paybridge.ledger.Batches;

/** The collaborators the batch classes share, built once by the configuration. */
record BatchParts(BatchSettings settings, Batches batches, BatchPayments payments, RowIntake intake, BatchOutputs outputs) {
}
