package io.paybridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.Json;
import io.paybridge.model.BatchRef;
import io.paybridge.model.Customer;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.testing.EmbeddedPostgresDb;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The batch tables and the batch queries on payments, on both ledgers the bundle supports (V2 migration included). */
class BatchesLedgerTest {

    static Stream<Arguments> ledgers() {
        EmbeddedPostgresDb pg = EmbeddedPostgresDb.shared();
        return Stream.of(
                Arguments.of("h2", "jdbc:h2:mem:batches-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
                Arguments.of("postgresql", pg.freshDatabase(), pg.user(), pg.password()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void batchLifecycle(String name, String url, String user, String password) throws Exception {
        try (HikariDataSource ds = LedgerDatabase.open(url, user, password, 2)) {
            Clock clock = Clock.systemUTC();
            Batches batches = new Batches(ds, clock);
            BatchPayments payments = new BatchPayments(ds);
            Ledger ledger = new Ledger(ds, Json.newMapper(), clock);
            Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String sha = "ab".repeat(32);
            batches.register(BatchRecord.received("b-abababababababab", sha, "june.csv", "20250131-093012-june.csv", ';', 120, 3, received));
            assertThatThrownBy(() -> batches.register(BatchRecord.received("b-other", sha, "copy.csv", "x", ',', 120, 3, received)))
                    .isInstanceOf(LedgerException.class);

            BatchRecord b = batches.bySha256(sha).orElseThrow();
            assertThat(b).extracting(BatchRecord::id, BatchRecord::state, BatchRecord::delimiter, BatchRecord::rowsTotal,
                    BatchRecord::receivedAt).containsExactly("b-abababababababab", BatchState.READING, ';', 3L, received);

            ledger.claim(command("J-1", "100", 2));
            ledger.claim(command("J-3", "250.50", 4));
            batches.reject(b.id(), List.of(new Batches.Reject(3, 1, "J-2", "amount", "pattern", "amount must be ..."),
                    new Batches.Reject(3, 2, "J-2", "phone", "phone-number", "not a valid phone")));
            batches.reject(b.id(), List.of(new Batches.Reject(3, 1, "J-2", "amount", "pattern", "again after a restart")));
            batches.checkpoint(b.id(), new Batches.Progress(4, 3, 2, 1));
            assertThat(batches.find(b.id()).orElseThrow().lastLine()).isEqualTo(4);

            assertThat(batches.rejects(b.id(), 0, 0, 10)).extracting(Batches.Reject::reason)
                    .containsExactly("amount must be ...", "not a valid phone");
            assertThat(batches.rejects(b.id(), 3, 1, 10)).hasSize(1);
            assertThat(batches.firstRejectedLine(b.id(), "J-2")).contains(3L);
            assertThat(batches.firstRejectedLine(b.id(), "J-9")).isEmpty();
            assertThat(payments.received(b.id(), 0, 3, 10)).extracting(BatchPayments.Row::id).containsExactly("J-1");

            ledger.apply("J-1", Outcome.of(PaymentStatus.SUCCEEDED, "P-1", "SUCCESS").withFee(new BigDecimal("15")), EventSource.CALLBACK);
            batches.markRead(b.id(), new Batches.Progress(4, 3, 2, 1));
            assertThat(batches.inStates(EnumSet.of(BatchState.DISPATCHED))).extracting(BatchRecord::id).containsExactly(b.id());
            assertThat(payments.totals(b.id())).extracting(t -> t.status() + " " + t.currency() + " " + t.count() + " "
                    + t.amount().stripTrailingZeros().toPlainString()).containsExactly("RECEIVED KES 1 250.5", "SUCCEEDED KES 1 100");
            assertThat(payments.rows(b.id(), 0, 1)).extracting(BatchPayments.Row::id).containsExactly("J-1");
            assertThat(payments.rows(b.id(), 2, 10)).extracting(BatchPayments.Row::line).containsExactly(4L);

            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            batches.resultsWritten(b.id(), BatchState.OVERDUE, 1, 1, "RECEIVED=1,SUCCEEDED=1",
                    new OutboxEvent(UUID.randomUUID().toString(), "BATCH_COMPLETED", "{\"batchId\":\"b-abababababababab\"}", now));
            BatchRecord written = batches.find(b.id()).orElseThrow();
            assertThat(written).extracting(BatchRecord::state, BatchRecord::resultsRevision, BatchRecord::resultsPending,
                    BatchRecord::resultsStatuses, BatchRecord::resultsAt).containsExactly(BatchState.OVERDUE, 1, 1L,
                    "RECEIVED=1,SUCCEEDED=1", now);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT event_type FROM outbox WHERE payment_id = 'b-abababababababab'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("BATCH_COMPLETED");
            }
            assertThat(batches.recent(5)).extracting(BatchRecord::id).containsExactly(b.id());
        }
    }

    private static PaymentCommand command(String id, String amount, long line) {
        return new PaymentCommand(id, PaymentType.PAYOUT, "bluepay", new BigDecimal(amount), "KES", "KE",
                new Customer("+254712345678", null, null, null, null, null, null), null, null,
                new BatchRef("b-abababababababab", line));
    }
}
