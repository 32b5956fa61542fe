package io.paybridge.ledger;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** The UPDATE statements behind a state change, on the caller's transaction. */
final class LedgerUpdates {
    private LedgerUpdates() {
    }

    static void transition(Connection c, Payment before, PaymentEvent event, Outcome outcome) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE payments SET status = ?, provider_reference = ?, provider_status = ?, "
                + "fee = ?, reason_code = ?, reason_message = ?, version = version + 1, updated_at = ?, "
                + "next_poll_at = NULL, polls = 0 WHERE id = ?")) {
            ps.setString(1, event.status().name());
            ps.setString(2, event.providerReference());
            ps.setString(3, truncate(event.providerStatus(), 64));
            ps.setBigDecimal(4, outcome.fee() != null ? outcome.fee() : before.fee());
            ps.setString(5, event.reason() == null ? null : event.reason().code());
            ps.setString(6, event.reason() == null ? null : truncate(event.reason().message(), 1000));
            ps.setObject(7, Ledger.odt(event.time()));
            ps.setString(8, before.id());
            ps.executeUpdate();
        }
    }

    static void setReference(Connection c, String id, String providerReference, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE payments SET provider_reference = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, providerReference);
            ps.setObject(2, Ledger.odt(now));
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
