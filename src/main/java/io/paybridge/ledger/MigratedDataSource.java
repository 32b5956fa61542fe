package io.paybridge.ledger;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The ledger's pool while it is still being opened and migrated on another thread: every
 * connection asked for waits until the migration has finished, and fails with the migration's
 * error if it failed. So the ledger can be opened in the background while Camel loads the routes,
 * and still no caller ever sees a schema that is not migrated.
 */
public final class MigratedDataSource implements DataSource, AutoCloseable {
    private final CompletableFuture<HikariDataSource> pool;

    MigratedDataSource(CompletableFuture<HikariDataSource> pool) {
        this.pool = pool;
    }

    /**
     * Waits until the ledger is open and migrated.
     *
     * @throws LedgerException naming the database and the cause when opening or migrating failed
     */
    public void awaitMigration() {
        try {
            pool.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while the ledger was being migrated", e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new LedgerException("the ledger could not be opened and migrated: " + cause.getMessage(), cause);
        }
    }

    private DataSource ready() throws SQLException {
        try {
            awaitMigration();
            return pool.join();
        } catch (LedgerException e) {
            throw new SQLException(e.getMessage(), e.getCause());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ready().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ready().getConnection(username, password);
    }

    /** Closes the pool once it is open; a pool still opening is closed as soon as it is. */
    @Override
    public void close() {
        pool.whenComplete((dataSource, error) -> {
            if (dataSource != null) {
                dataSource.close();
            }
        });
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Hikari logs through SLF4J; there is no writer to set.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The pool's own connection timeout applies.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return ready().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || ready().isWrapperFor(type);
    }
}
