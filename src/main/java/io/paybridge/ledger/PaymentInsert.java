package io.paybridge.ledger;

import io.paybridge.model.PaymentCommand;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** The one statement that creates a payment row, shared by a single claim and a batch's chunked claim. */
final class PaymentInsert {
    static final String SQL = "INSERT INTO payments (id, type, provider, status, amount, currency, country, "
            + "command, command_fingerprint, created_at, updated_at, batch_id, batch_line) "
            + "VALUES (?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private PaymentInsert() {
    }

    static void bind(PreparedStatement ps, PaymentCommand command, String commandJson, String fingerprint, Instant now)
            throws SQLException {
        ps.setString(1, command.id());
        ps.setString(2, command.type().name());
        ps.setString(3, command.provider());
        ps.setBigDecimal(4, command.amount());
        ps.setString(5, command.currency());
        ps.setString(6, command.country());
        ps.setString(7, commandJson);
        ps.setString(8, fingerprint);
        ps.setObject(9, Ledger.odt(now));
        ps.setObject(10, Ledger.odt(now));
        // A CSV row's batch and line are columns too, so a batch's payments are read back in file order.
        ps.setString(11, command.batch() == null ? null : command.batch().fileId());
        ps.setObject(12, command.batch() == null ? null : command.batch().line(), Types.BIGINT);
    }
}
