package io.paybridge.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Reason;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads {@code payments} rows. */
final class PaymentRows {
    static final String COLUMNS = "id, type, provider, status, command, command_fingerprint, provider_reference, "
            + "provider_status, fee, reason_code, reason_message, attempts, polls, created_at, updated_at";

    /** Enough for every payment in flight at the default queue sizes; more only costs a parse. */
    private static final int RECENT_COMMANDS = 4096;

    private final ObjectMapper json;
    /** Shared by every reader of the table (the ledger, batch claims): the same text is the same command. */
    private static final Map<String, PaymentCommand> RECENT = new ConcurrentHashMap<>();

    PaymentRows(ObjectMapper json) {
        this.json = json;
    }

    Payment read(ResultSet rs) throws SQLException {
        String reasonCode = rs.getString("reason_code");
        return new Payment(
                rs.getString("id"),
                PaymentType.valueOf(rs.getString("type")),
                rs.getString("provider"),
                PaymentStatus.valueOf(rs.getString("status")),
                command(rs.getString("command_fingerprint"), rs.getString("command")),
                rs.getString("command_fingerprint"),
                rs.getString("provider_reference"),
                rs.getString("provider_status"),
                rs.getBigDecimal("fee"),
                reasonCode == null ? null : new Reason(reasonCode, rs.getString("reason_message"), null),
                rs.getInt("attempts"),
                rs.getInt("polls"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /**
     * A payment's row is read several times on its way (dispatch, answer, callback, poll) and the
     * stored command never changes, so each parsed command is kept by its fingerprint (the
     * SHA-256 of that very text, which includes the payment id) while the payment is in flight.
     */
    private PaymentCommand command(String fingerprint, String text) throws SQLException {
        PaymentCommand known = fingerprint == null ? null : RECENT.get(fingerprint);
        if (known != null) {
            return known;
        }
        PaymentCommand parsed;
        try {
            parsed = json.readValue(text, PaymentCommand.class);
        } catch (IOException e) {
            throw new SQLException("stored command is not readable JSON", e);
        }
        if (fingerprint != null) {
            remember(fingerprint, parsed);
        }
        return parsed;
    }

    /** Keeps a command just written under its fingerprint, so its first read needs no parse either. */
    static void remember(String fingerprint, PaymentCommand command) {
        if (RECENT.size() >= RECENT_COMMANDS) {
            RECENT.clear(); // crude but bounded: in-flight payments are parsed again once
        }
        RECENT.put(fingerprint, command);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
