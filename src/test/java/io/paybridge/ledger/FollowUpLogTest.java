package io.paybridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.testing.EmbeddedPostgresDb;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A follow-up call is claimed by one caller only, however many race for it, on both ledgers (V5 migration included). */
class FollowUpLogTest {

    static Stream<Arguments> ledgers() {
        EmbeddedPostgresDb pg = EmbeddedPostgresDb.shared();
        return Stream.of(
                Arguments.of("h2", "jdbc:h2:mem:follow-ups-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
                Arguments.of("postgresql", pg.freshDatabase(), pg.user(), pg.password()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void oneClaimWinsPerPaymentAndOperation(String name, String url, String user, String password) throws Exception {
        try (HikariDataSource ds = LedgerDatabase.open(url, user, password, 4)) {
            FollowUpLog log = new FollowUpLog(ds, Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Boolean>> racers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    racers.add(() -> log.claim("pay-1", "cancel-transaction"));
                }
                long won = 0;
                for (Future<Boolean> f : pool.invokeAll(racers)) {
                    won += f.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(log.answer("pay-1", "cancel-transaction")).contains("");
            log.answered("pay-1", "cancel-transaction", "HTTP 200");
            assertThat(log.answer("pay-1", "cancel-transaction")).contains("HTTP 200");
            assertThat(log.claim("pay-2", "cancel-transaction")).as("another payment").isTrue();
            assertThat(log.claim("pay-1", "another-operation")).as("another operation").isTrue();
            assertThat(log.answer("pay-3", "cancel-transaction")).isEmpty();
        }
    }
}
