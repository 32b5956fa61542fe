package io.paybridge.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.EventSource;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@link Ledger#claim} for many commands at once, as the batch reader needs it: one transaction,
 * one lookup of the ids already held, then JDBC batches of payment rows and their RECEIVED
 * outbox events. Each answer means exactly what {@code claim} would have answered for that
 * command alone, in list order: a later command repeating an earlier one's id finds the earlier
 * one as held. If another intake door claims one of the ids between the lookup and the insert,
 * the whole transaction rolls back and the commands are claimed one by one instead.
 */
public final class BatchClaims {
    private static final String DUPLICATE_KEY = "23505";

    private final Ledger ledger;
    private final Transactions tx;
    private final ObjectMapper json;
    private final PaymentRows rows;
    private final PaymentEvents events;
    private final Clock clock;

    public BatchClaims(DataSource dataSource, Ledger ledger) {
        this.ledger = ledger;
        this.tx = new Transactions(dataSource);
        this.json = ledger.json(); // the same serialisation as claim, so fingerprints compare
        this.rows = new PaymentRows(json);
        this.events = new PaymentEvents(json);
        this.clock = ledger.clock();
    }

    /** One answer per command, in the same order. */
    public List<ClaimResult> claimAll(List<PaymentCommand> commands) {
        if (commands.isEmpty()) {
            return List.of();
        }
        List<PaymentEvent> written = new ArrayList<>();
        List<ClaimResult> results;
        try {
            results = tx.inTransaction(c -> claim(c, commands, written));
        } catch (LedgerException e) {
            if (!(e.getCause() instanceof SQLException sql) || !DUPLICATE_KEY.equals(sql.getSQLState())) {
                throw e;
            }
            List<ClaimResult> one = new ArrayList<>(commands.size());
            commands.forEach(command -> one.add(ledger.claim(command)));
            return one;
        }
        written.forEach(ledger::committed);
        return results;
    }

    private List<ClaimResult> claim(Connection c, List<PaymentCommand> commands, List<PaymentEvent> written) throws SQLException {
        Map<String, Payment> held = held(c, commands);
        // Microseconds: what the database keeps, so these payments equal what a read would give.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ClaimResult> results = new ArrayList<>(commands.size());
        try (PreparedStatement payments = c.prepareStatement(PaymentInsert.SQL);
             PreparedStatement outbox = c.prepareStatement(Outbox.INSERT)) {
            for (PaymentCommand command : commands) {
                String commandJson = write(command);
                String fingerprint = sha256(commandJson);
                Payment existing = held.get(command.id());
                if (existing != null) {
                    results.add(new ClaimResult(existing, false, existing.commandFingerprint().equals(fingerprint)));
                    continue;
                }
                Payment created = new Payment(command.id(), command.type(), command.provider(), PaymentStatus.RECEIVED, command,
                        fingerprint, null, null, null, null, 0, 0, now, now);
                held.put(command.id(), created);
                PaymentRows.remember(fingerprint, command);
                PaymentInsert.bind(payments, command, commandJson, fingerprint, now);
                payments.addBatch();
                PaymentEvent event = events.build(created, PaymentStatus.RECEIVED, null, EventSource.INTAKE, now);
                Outbox.bind(outbox, event.eventId(), event.paymentId(), event.status().name(), events.toJson(event), event.time());
                outbox.addBatch();
                written.add(event);
                results.add(new ClaimResult(created, true, true));
            }
            if (!written.isEmpty()) {
                payments.executeBatch();
                outbox.executeBatch();
            }
        }
        return results;
    }

    /** The payments already held under any of these ids, in one query. */
    private Map<String, Payment> held(Connection c, List<PaymentCommand> commands) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(PaymentRows.COLUMNS).append(" FROM payments WHERE id IN (");
        for (int i = 0; i < commands.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        Map<String, Payment> held = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
            for (int i = 0; i < commands.size(); i++) {
                ps.setString(i + 1, commands.get(i).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Payment p = rows.read(rs);
                    held.put(p.id(), p);
                }
            }
        }
        return held;
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
