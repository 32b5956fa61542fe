package io.paybridge.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The calls the bundle made on its own after a provider's answer ({@code follow_ups}). Claiming
 * comes before sending and a second claim of the same payment and operation loses, so a callback
 * and a poll racing, a duplicated webhook or two replicas send the call once. A crash between the
 * claim and the call leaves it unsent: for a cancel, at most once is the safe side (the payment
 * stays in review for an operator).
 */
public final class FollowUpLog {
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    public FollowUpLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** True for the one caller that may send {@code operation} for this payment. */
    public boolean claim(String paymentId, String operation) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO follow_ups (payment_id, operation, claimed_at) VALUES (?, ?, ?)")) {
            ps.setString(1, paymentId);
            ps.setString(2, operation);
            ps.setObject(3, Ledger.odt(clock.instant()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw new LedgerException("cannot record follow-up " + operation + " of payment " + paymentId, e);
        }
    }

    /** What came of the call ({@code HTTP 200}, {@code no answer: …}), for operators. */
    public void answered(String paymentId, String operation, String answer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE follow_ups SET answer = ?, answered_at = ? WHERE payment_id = ? AND operation = ?")) {
            ps.setString(1, answer.length() <= 200 ? answer : answer.substring(0, 200));
            ps.setObject(2, Ledger.odt(clock.instant()));
            ps.setString(3, paymentId);
            ps.setString(4, operation);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("cannot record the answer to follow-up " + operation + " of payment " + paymentId, e);
        }
    }

    /** The recorded answer, empty when the call was never claimed; a claimed call not yet answered reads "". */
    public Optional<String> answer(String paymentId, String operation) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT answer FROM follow_ups WHERE payment_id = ? AND operation = ?")) {
            ps.setString(1, paymentId);
            ps.setString(2, operation);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1) == null ? "" : rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read follow-up " + operation + " of payment " + paymentId, e);
        }
    }
}
