package io.paybridge.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentEvent;
import io.paybridge.model.PaymentStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The ledger of payments: the single source of truth for what was asked, what was sent and what
 * the provider said. Every state change commits together with its outbox event; state only
 * moves forward ({@link PaymentStatus#canMoveTo}).
 */
public final class Ledger {
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;
    private final Transactions tx;
    private final ObjectMapper json;
    private final PaymentRows rows;
    private final PaymentEvents events;
    private final Clock clock;
    private final List<Consumer<PaymentEvent>> onTransition = new CopyOnWriteArrayList<>();

    public Ledger(DataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.json = json;
        this.rows = new PaymentRows(json);
        this.events = new PaymentEvents(json);
        this.clock = clock;
    }

    /**
     * Tells {@code listener} about every state change once it is committed (metrics, waking the
     * outbox relay). Listeners add up. Each runs on the caller's thread, so it must be cheap; a
     * failure in one never undoes the change nor stops the others.
     */
    public void onTransition(Consumer<PaymentEvent> listener) {
        onTransition.add(listener);
    }

    void committed(PaymentEvent event) {
        if (event == null) {
            return;
        }
        for (Consumer<PaymentEvent> listener : onTransition) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Ledger.class).warn("transition listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Records a new payment as RECEIVED (with its event), or returns the one already held under
     * this id. Claiming twice is a no-op: the second caller must not send anything.
     */
    public ClaimResult claim(PaymentCommand command) {
        String commandJson = write(command);
        String fingerprint = sha256(commandJson);
        try {
            AtomicReference<PaymentEvent> written = new AtomicReference<>();
            Payment created = tx.inTransaction(c -> insert(c, command, commandJson, fingerprint, written));
            committed(written.get());
            return new ClaimResult(created, true, true);
        } catch (LedgerException e) {
            if (!(e.getCause() instanceof SQLException sql) || !DUPLICATE_KEY.equals(sql.getSQLState())) {
                throw e;
            }
        }
        Payment existing = find(command.id()).orElseThrow(() -> new IllegalStateException("claimed id vanished: " + command.id()));
        return new ClaimResult(existing, false, existing.commandFingerprint().equals(fingerprint));
    }

    public Optional<Payment> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            return select(c, id, false);
        } catch (SQLException e) {
            throw new LedgerException("cannot read payment " + id, e);
        }
    }

    /**
     * Moves a RECEIVED payment to SUBMITTED just before its one provider call. Only one caller
     * can win; false means someone else sent it (or will) and this caller must not.
     */
    public boolean markSubmitted(String id) {
        return find(id).map(this::markSubmitted).orElse(false);
    }

    /**
     * {@link #markSubmitted(String)} for a payment the caller has just read RECEIVED: one
     * conditional update decides the winner (the database re-checks {@code status} under the row
     * lock), so the row is not read again. Nothing but the status moves while a payment is
     * RECEIVED, so the event is built from {@code before}.
     */
    public boolean markSubmitted(Payment before) {
        if (before.status() != PaymentStatus.RECEIVED) {
            return false;
        }
        AtomicReference<PaymentEvent> written = new AtomicReference<>();
        boolean won = tx.inTransaction(c -> {
            PaymentEvent event = events.build(before, PaymentStatus.SUBMITTED, null, EventSource.DISPATCH, now());
            try (PreparedStatement ps = c.prepareStatement("UPDATE payments SET status = 'SUBMITTED', attempts = attempts + 1, "
                    + "version = version + 1, updated_at = ? WHERE id = ? AND status = 'RECEIVED'")) {
                ps.setObject(1, odt(event.time()));
                ps.setString(2, before.id());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            Outbox.append(c, event, events.toJson(event));
            written.set(event);
            return true;
        });
        committed(written.get());
        return won;
    }

    /**
     * Counts the one permitted second send of a payment whose first answer was lost and which
     * the provider proved not to hold. {@code attempts} is the number of sends: the update only
     * succeeds while it is 1, so across threads, restarts and replicas one caller at most wins,
     * and a third send is impossible.
     */
    public boolean markResent(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE payments SET attempts = attempts + 1, version = version + 1, "
                     + "updated_at = ? WHERE id = ? AND attempts = 1 AND status IN ('SUBMITTED', 'NEEDS_REVIEW')")) {
            ps.setObject(1, odt(now()));
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new LedgerException("cannot record the resend of " + id, e);
        }
    }

    /**
     * Applies what a provider said, only if it moves the payment forward. Returns the event
     * written, or empty when nothing changed (duplicate, late, or backwards update).
     */
    public Optional<PaymentEvent> apply(String id, Outcome outcome, EventSource source) {
        Optional<PaymentEvent> written = tx.inTransaction(c -> {
            Optional<Payment> locked = select(c, id, true);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            Payment before = locked.get();
            PaymentStatus next = outcome.status();
            if (next == null || !before.status().canMoveTo(next)) {
                rememberReference(c, before, outcome);
                return Optional.empty();
            }
            PaymentEvent event = events.build(before, next, outcome, source, now());
            LedgerUpdates.transition(c, before, event, outcome);
            Outbox.append(c, event, events.toJson(event));
            return Optional.of(event);
        });
        written.ifPresent(this::committed);
        return written;
    }

    /** Finds the payment a provider knows by its own reference. */
    public Optional<String> idByProviderReference(String provider, String providerReference) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM payments WHERE provider = ? AND provider_reference = ?")) {
            ps.setString(1, provider);
            ps.setString(2, providerReference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot look up provider reference", e);
        }
    }

    /** Records a callback delivery key; false when it was seen before (the delivery is a repeat). */
    public boolean firstDelivery(String provider, String deliveryKey) {
        try {
            return tx.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO callback_deliveries (provider, delivery_key, received_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, provider);
                    ps.setString(2, deliveryKey);
                    ps.setObject(3, odt(now()));
                    ps.executeUpdate();
                    return true;
                }
            });
        } catch (LedgerException e) {
            if (e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** The payment queries used by reconciliation. */
    public LedgerQueries queries() {
        return new LedgerQueries(dataSource, rows, clock);
    }

    private Payment insert(Connection c, PaymentCommand command, String commandJson, String fingerprint,
            AtomicReference<PaymentEvent> written) throws SQLException {
        Instant now = now();
        try (PreparedStatement ps = c.prepareStatement(PaymentInsert.SQL)) {
            PaymentInsert.bind(ps, command, commandJson, fingerprint, now);
            ps.executeUpdate();
        }
        // Built in memory, as BatchClaims does: reading the row back would only return what was just written.
        Payment created = new Payment(command.id(), command.type(), command.provider(), PaymentStatus.RECEIVED, command,
                fingerprint, null, null, null, null, 0, 0, now, now);
        PaymentRows.remember(fingerprint, command);
        PaymentEvent event = events.build(created, PaymentStatus.RECEIVED, null, EventSource.INTAKE, now);
        Outbox.append(c, event, events.toJson(event));
        written.set(event);
        return created;
    }

    ObjectMapper json() {
        return json;
    }

    Clock clock() {
        return clock;
    }

    private void rememberReference(Connection c, Payment before, Outcome outcome) throws SQLException {
        if (before.providerReference() == null && outcome.providerReference() != null) {
            LedgerUpdates.setReference(c, before.id(), outcome.providerReference(), now());
        }
    }

    private Optional<Payment> select(Connection c, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PaymentRows.COLUMNS + " FROM payments WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rows.read(rs)) : Optional.empty();
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }

    static OffsetDateTime odt(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private String write(PaymentCommand command) {
        try {
            return json.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise command", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
