package io.paybridge.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The ledger's connection pool, migrated by Flyway before first use. PostgreSQL in production, H2 by default. */
public final class LedgerDatabase {
    private LedgerDatabase() {
    }

    public static HikariDataSource open(String jdbcUrl, String username, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("paybridge-ledger");
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /**
     * Opens and migrates the ledger on a thread of its own and returns at once: the pool's first
     * connection and Flyway take about a second of startup, which Camel spends meanwhile loading
     * the routes. Connections from the returned data source wait for the migration.
     */
    public static MigratedDataSource openInBackground(String jdbcUrl, String username, String password, int poolSize) {
        CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                pool.complete(open(jdbcUrl, username, password, poolSize));
            } catch (Throwable e) {
                pool.completeExceptionally(e);
            }
        }, "paybridge-ledger-migration");
        opener.setDaemon(true);
        opener.start();
        return new MigratedDataSource(pool);
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
