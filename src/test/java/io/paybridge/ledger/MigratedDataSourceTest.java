package io.paybridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** The ledger opened in the background: nobody gets a connection before the migration is done, and a failed one is never hidden. */
class MigratedDataSourceTest {
    private static String freshUrl() {
        return "jdbc:h2:mem:migrated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static int paymentCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM payments")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aConnectionAskedForWhileTheMigrationRunsWaitsForIt() throws Exception {
        CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
        MigratedDataSource ledger = new MigratedDataSource(pool);
        CompletableFuture<Integer> payments = new CompletableFuture<>();
        Thread asker = new Thread(() -> {
            try (Connection c = ledger.getConnection()) {
                payments.complete(paymentCount(c));
            } catch (Throwable e) {
                payments.completeExceptionally(e);
            }
        });
        asker.start();
        await().until(() -> asker.getState() == Thread.State.WAITING);
        assertThat(payments).isNotDone();

        try (HikariDataSource migrated = LedgerDatabase.open(freshUrl(), "sa", "", 2)) {
            pool.complete(migrated);
            assertThat(payments.get()).isZero();
        }
    }

    @Test
    void openedInTheBackgroundTheLedgerIsMigratedBeforeItsFirstConnection() throws Exception {
        MigratedDataSource ledger = LedgerDatabase.openInBackground(freshUrl(), "sa", "", 2);
        try (Connection c = ledger.getConnection()) {
            assertThat(paymentCount(c)).isZero();
        } finally {
            ledger.close();
        }
    }

    @Test
    void aFailedMigrationFailsEveryConnectionAndTheWaitWithItsCause() {
        CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
        MigratedDataSource ledger = new MigratedDataSource(pool);
        pool.completeExceptionally(new FlywayException("Validate failed: migration checksum mismatch for version 1"));

        assertThatThrownBy(ledger::awaitMigration).isInstanceOf(LedgerException.class)
                .hasMessage("the ledger could not be opened and migrated: Validate failed: migration checksum mismatch for version 1")
                .hasCauseInstanceOf(FlywayException.class);
        assertThatThrownBy(ledger::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("could not be opened and migrated").hasCauseInstanceOf(FlywayException.class);
    }

    @Test
    void aSchemaTheMigrationCannotApplyIsReportedAndItsPoolClosed() throws Exception {
        String url = freshUrl();
        try (Connection squatter = DriverManager.getConnection(url, "sa", "");
             Statement s = squatter.createStatement()) {
            s.execute("CREATE TABLE payments (something_else INT)");
            MigratedDataSource ledger = LedgerDatabase.openInBackground(url, "sa", "", 2);

            assertThatThrownBy(ledger::awaitMigration).isInstanceOf(LedgerException.class)
                    .hasMessageStartingWith("the ledger could not be opened and migrated: ")
                    .hasCauseInstanceOf(FlywayException.class);
        }
    }

    @Test
    void closedWhileStillOpeningThePoolIsClosedOnceOpen() {
        CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
        MigratedDataSource ledger = new MigratedDataSource(pool);
        ledger.close();

        HikariDataSource opened = LedgerDatabase.open(freshUrl(), "sa", "", 2);
        pool.complete(opened);
        assertThat(opened.isClosed()).isTrue();
    }
}
