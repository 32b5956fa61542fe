package io.paybridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.Json;
import io.paybridge.model.BatchRef;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentEvent;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.testing.EmbeddedPostgresDb;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Claiming many commands in one transaction answers each exactly as {@link Ledger#claim} alone would, on both ledgers. */
class BatchClaimsTest {

    static Stream<Arguments> ledgers() {
        EmbeddedPostgresDb pg = EmbeddedPostgresDb.shared();
        return Stream.of(
                Arguments.of("h2", "jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
                Arguments.of("postgresql", pg.freshDatabase(), pg.user(), pg.password()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void claimsAChunkAsOneByOneWould(String name, String url, String user, String password) throws Exception {
        try (HikariDataSource ds = LedgerDatabase.open(url, user, password, 2)) {
            Ledger ledger = new Ledger(ds, Json.newMapper(), Clock.systemUTC());
            List<PaymentEvent> transitions = new ArrayList<>();
            ledger.onTransition(transitions::add);
            BatchClaims claims = new BatchClaims(ds, ledger);
            ledger.claim(command("HELD", "5", 1)); // from before, same content as line 1 again
            ledger.claim(command("OTHER", "7", 9)); // held with other content

            List<ClaimResult> results = claims.claimAll(List.of(command("HELD", "5", 1), command("NEW-1", "10", 2),
                    command("NEW-2", "20", 3), command("NEW-1", "10", 4), command("OTHER", "8", 5)));

            assertThat(results).extracting(ClaimResult::created).containsExactly(false, true, true, false, false);
            assertThat(results).extracting(r -> r.payment().id()).containsExactly("HELD", "NEW-1", "NEW-2", "NEW-1", "OTHER");
            assertThat(results.get(3).payment().command().batch().line()).as("a repeat finds the earlier row").isEqualTo(2);
            assertThat(results.get(0).sameCommand()).isTrue();
            assertThat(results.get(4).sameCommand()).isFalse();
            // What was claimed here reads back as claim would have answered it.
            assertThat(ledger.find("NEW-2").orElseThrow()).isEqualTo(results.get(2).payment());
            assertThat(results.get(1).payment().status()).isEqualTo(PaymentStatus.RECEIVED);
            assertThat(transitions).extracting(PaymentEvent::paymentId).containsExactly("HELD", "OTHER", "NEW-1", "NEW-2");
            assertThat(count(ds, "SELECT COUNT(*) FROM payments")).isEqualTo(4);
            assertThat(count(ds, "SELECT COUNT(*) FROM outbox WHERE event_type = 'RECEIVED'")).isEqualTo(4);
            assertThat(claims.claimAll(List.of())).isEmpty();
        }
    }

    private static long count(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PaymentCommand command(String id, String amount, long line) {
        return new PaymentCommand(id, PaymentType.PAYOUT, "bluepay", new BigDecimal(amount), "KES", "KE",
                new Customer("+254712345678", null, null, null, null, null, null), null, null, new BatchRef("b-claims", line));
    }
}
