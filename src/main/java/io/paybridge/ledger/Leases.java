package io.paybridge.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Which replica runs a singleton job. The outbox relay must publish each payment's events in
 * order and reconciliation should ask a provider once, so with several replicas sharing the
 * ledger only the holder of the job's lease runs it; the holder renews on every tick and another
 * replica takes over once the lease has expired (a stopped or stuck holder).
 */
public final class Leases {
    private static final String DUPLICATE_KEY = "23505";

    private final Transactions tx;
    private final Clock clock;
    private final String owner;

    public Leases(DataSource dataSource, Clock clock, String owner) {
        this.tx = new Transactions(dataSource);
        this.clock = clock;
        this.owner = owner;
    }

    /** Takes or renews the lease; true when this replica holds it for {@code ttl} from now. */
    public boolean hold(String name, Duration ttl) {
        Instant now = clock.instant();
        try {
            return tx.inTransaction(c -> {
                try (PreparedStatement renew = c.prepareStatement(
                        "UPDATE leases SET owner = ?, expires_at = ? WHERE name = ? AND (owner = ? OR expires_at < ?)")) {
                    renew.setString(1, owner);
                    renew.setObject(2, Ledger.odt(now.plus(ttl)));
                    renew.setString(3, name);
                    renew.setString(4, owner);
                    renew.setObject(5, Ledger.odt(now));
                    if (renew.executeUpdate() == 1) {
                        return true;
                    }
                }
                try (PreparedStatement take = c.prepareStatement("INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)")) {
                    take.setString(1, name);
                    take.setString(2, owner);
                    take.setObject(3, Ledger.odt(now.plus(ttl)));
                    take.executeUpdate();
                    return true;
                }
            });
        } catch (LedgerException e) {
            if (e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
                return false; // another replica holds it and it has not expired
            }
            throw e;
        }
    }

    /**
     * A guard for one job: says whether to run, taking or renewing the job's lease. A lease just
     * renewed is not renewed again for a quarter of its time to live (the outbox relay, woken by
     * every commit, would otherwise write the leases table on every pass); this replica still
     * holds it for three quarters of the time to live after that, so no other replica can have it.
     */
    public BooleanSupplier forJob(String name, Duration ttl) {
        Duration renewEvery = ttl.dividedBy(4);
        AtomicReference<Instant> renewDue = new AtomicReference<>(Instant.MIN);
        return () -> {
            Instant now = clock.instant();
            if (now.isBefore(renewDue.get())) {
                return true;
            }
            boolean held = hold(name, ttl);
            renewDue.set(held ? now.plus(renewEvery) : Instant.MIN);
            return held;
        };
    }

    /** This replica's name in the leases table. */
    public String owner() {
        return owner;
    }
}
