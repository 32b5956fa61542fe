package io.paybridge.intake;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits a consumed record's offset; the routes call it only once the ledger (or the DLQ) holds
 * the record. With the intake route's asynchronous commit factory this records the offset, and the
 * consumer commits it after the current poll's records, so no record waits for a broker round trip.
 */
public final class KafkaOffsets {
    public void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("no manual commit handle: the consumer must run with allowManualCommit=true");
        }
        commit.commit();
    }
}
