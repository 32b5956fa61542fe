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

/** Reads {@code payments} rows. */
final class PaymentRows {
    static final String COLUMNS = "id, type, provider, status, command, command_fingerprint, provider_reference, "
            + "provider_status, fee, reason_code, reason_message, attempts, polls, created_at, updated_at";

    private final ObjectMapper json;

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
                command(rs.getString("command")),
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

    private PaymentCommand command(String text) throws SQLException {
        try {
            return json.readValue(text, PaymentCommand.class);
        } catch (IOException e) {
            throw new SQLException("stored command is not readable JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
