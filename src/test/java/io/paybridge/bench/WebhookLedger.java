package io.paybridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.Json;
import io.paybridge.intake.CommandReader;
import io.paybridge.intake.CommandSchema;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerDatabase;
import io.paybridge.model.PaymentCommand;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;

/**
 * Fills a contender's ledger with BluePay payouts already SUBMITTED, ready to be settled by a
 * webhook each. One payment goes through the project's {@link Ledger} (claim, mark submitted);
 * the rest are SQL copies of its row, so preparing tens of thousands takes a second, not minutes.
 */
final class WebhookLedger implements AutoCloseable {
    static final String TEMPLATE = "wh-template";
    private final HikariDataSource dataSource;
    private int next = 1;

    WebhookLedger(String url, String user, String password) {
        dataSource = LedgerDatabase.open(url, user, password, 2);
        LedgerDatabase.migrate(dataSource);
        ObjectMapper json = Json.newMapper();
        Ledger ledger = new Ledger(dataSource, json, Clock.systemUTC());
        String command = "{\"id\":\"" + TEMPLATE + "\",\"type\":\"PAYOUT\",\"provider\":\"bluepay\",\"amount\":\"500\","
                + "\"currency\":\"KES\",\"country\":\"KE\",\"customer\":{\"phone\":\"0712345678\"}}";
        CommandReader.Result read = new CommandReader(json, new CommandSchema()).read(command.getBytes(StandardCharsets.UTF_8));
        if (read.invalid() != null) {
            throw new IllegalStateException("template command invalid: " + read.invalid().summary());
        }
        PaymentCommand template = read.command();
        ledger.claim(template);
        ledger.markSubmitted(TEMPLATE);
    }

    /** Adds {@code count} SUBMITTED payouts and returns the first new number; ids are {@link #id}. */
    int add(int count) throws Exception {
        int first = next;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO payments (id, type, provider, status, amount, currency, country, "
                     + "command, command_fingerprint, attempts, version, created_at, updated_at) "
                     + "SELECT 'wh-' || g, type, provider, status, amount, currency, country, command, command_fingerprint, "
                     + "attempts, version, now(), now() FROM payments, generate_series(?, ?) g WHERE id = ?")) {
            ps.setInt(1, first);
            ps.setInt(2, first + count - 1);
            ps.setString(3, TEMPLATE);
            ps.executeUpdate();
        }
        next += count;
        return first;
    }

    static String id(int n) {
        return "wh-" + n;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
