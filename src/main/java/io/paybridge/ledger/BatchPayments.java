package io.paybridge.ledger;

import io.paybridge.model.PaymentStatus;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The payments of one batch, read by {@code (batch_id, batch_line)}: totals per status and
 * currency, and the rows themselves in file order, a page at a time so that a million-row batch
 * never sits in memory.
 */
public final class BatchPayments {
    /** How many payments of a batch are in one status and currency, with their amounts and fees. */
    public record Total(PaymentStatus status, String currency, long count, BigDecimal amount, BigDecimal fee) {
    }

    /** One payment of a batch as its results file lists it. */
    public record Row(long line, String id, BigDecimal amount, String currency, PaymentStatus status, String provider,
                      String providerReference, BigDecimal fee, String reasonCode, String reasonMessage) {
    }

    private final DataSource dataSource;

    public BatchPayments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Total> totals(String batchId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status, currency, COUNT(*), SUM(amount), SUM(fee) FROM payments "
                     + "WHERE batch_id = ? GROUP BY status, currency ORDER BY status, currency")) {
            ps.setString(1, batchId);
            List<Total> totals = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.add(new Total(PaymentStatus.valueOf(rs.getString(1)), rs.getString(2).trim(), rs.getLong(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new LedgerException("cannot total batch " + batchId, e);
        }
    }

    /** Up to {@code limit} payments of the batch after {@code afterLine}, in file order. */
    public List<Row> rows(String batchId, long afterLine, int limit) {
        return page("SELECT batch_line, id, amount, currency, status, provider, provider_reference, fee, reason_code, reason_message "
                + "FROM payments WHERE batch_id = ? AND batch_line > ? ORDER BY batch_line FETCH FIRST " + limit + " ROWS ONLY",
                batchId, afterLine, Long.MAX_VALUE);
    }

    /**
     * Payments of the batch still RECEIVED (claimed, never handed to a provider) on lines after
     * {@code afterLine} and up to {@code upToLine}: what a restart must dispatch again.
     */
    public List<Row> received(String batchId, long afterLine, long upToLine, int limit) {
        return page("SELECT batch_line, id, amount, currency, status, provider, provider_reference, fee, reason_code, reason_message "
                + "FROM payments WHERE batch_id = ? AND batch_line > ? AND batch_line <= ? AND status = 'RECEIVED' "
                + "ORDER BY batch_line FETCH FIRST " + limit + " ROWS ONLY", batchId, afterLine, upToLine);
    }

    private List<Row> page(String sql, String batchId, long afterLine, long upToLine) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, batchId);
            ps.setLong(2, afterLine);
            if (upToLine != Long.MAX_VALUE) {
                ps.setLong(3, upToLine);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4).trim(),
                            PaymentStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
                            rs.getString(9), rs.getString(10)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new LedgerException("cannot read payments of batch " + batchId, e);
        }
    }
}
