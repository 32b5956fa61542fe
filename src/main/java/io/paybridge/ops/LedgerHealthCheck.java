package io.paybridge.ops;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the ledger database: a {@code SELECT 1} that must answer within the timeout.
 * The query runs on its own thread because the pool itself may wait far longer for a
 * connection than a probe may take; while one check is still stuck, the next ones report DOWN
 * at once instead of piling up threads.
 */
public final class LedgerHealthCheck extends AbstractHealthCheck implements AutoCloseable {
    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paybridge-ledger-health");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;

    public LedgerHealthCheck(DataSource dataSource, Duration timeout) {
        super("paybridge", "ledger");
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public boolean isLiveness() {
        return false; // restarting does not bring a database back; readiness takes us out of service
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (running == null || running.isDone()) {
            running = executor.submit(this::selectOne);
        }
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.up();
        } catch (TimeoutException e) {
            builder.message("ledger did not answer within " + timeout.toMillis() + " ms").down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            builder.message("ledger unavailable: " + cause.getClass().getSimpleName()).error(cause).down();
        }
    }

    private Void selectOne() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            s.execute("SELECT 1");
            return null;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
