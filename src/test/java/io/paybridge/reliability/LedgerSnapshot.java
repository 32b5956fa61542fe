package io.paybridge.reliability;

import io.paybridge.testing.PaybridgeApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Every payment's id, status and version plus the number of events: equal snapshots mean nothing was recorded. */
final class LedgerSnapshot {
    private LedgerSnapshot() {
    }

    static String of(PaybridgeApp app) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(app.property("paybridge.ledger.url"),
                app.property("paybridge.ledger.username"), app.property("paybridge.ledger.password"));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, status, version FROM payments ORDER BY id")) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getLong(3)).append('\n');
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox")) {
                rs.next();
                out.append("events ").append(rs.getLong(1)).append('\n');
            }
        }
        return out.toString();
    }
}
