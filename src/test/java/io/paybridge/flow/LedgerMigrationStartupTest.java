package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paybridge.config.PaybridgeConfiguration;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger is migrated on a thread of its own while Camel loads the routes: no route starts
 * before the migration is done, and a migration that fails fails the bundle's start with its cause.
 */
class LedgerMigrationStartupTest {
    private static BluePaySimulator bluePay;

    @BeforeAll
    static void simulator() throws Exception {
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
    }

    @AfterAll
    static void stopSimulator() {
        bluePay.close();
    }

    @Test
    void routesStartOnlyOnceEveryMigrationIsApplied() throws Exception {
        Map<String, String> p = PaybridgeApp.defaults(EmbeddedKafka.shared(), bluePay, PaybridgeApp.freePort());
        String url = p.get("paybridge.ledger.url");
        List<Integer> appliedWhenRoutesStart = new CopyOnWriteArrayList<>();
        Main main = new Main();
        main.configure().addConfiguration(PaybridgeConfiguration.class);
        main.configure().addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext context) {
                context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                    @Override
                    public void notify(CamelEvent event) throws Exception {
                        if (event instanceof CamelEvent.CamelContextRoutesStartingEvent) {
                            appliedWhenRoutesStart.add(appliedMigrations(url));
                        }
                    }
                });
            }
        });
        p.forEach(main::addOverrideProperty);
        main.start();
        try {
            int applied = appliedMigrations(url);
            assertThat(applied).isPositive();
            assertThat(appliedWhenRoutesStart).containsExactly(applied);
        } finally {
            main.stop();
        }
    }

    @Test
    void aMigrationThatFailsFailsTheStartNamingTheLedger() throws Exception {
        Map<String, String> p = PaybridgeApp.defaults(EmbeddedKafka.shared(), bluePay, PaybridgeApp.freePort());
        try (Connection squatter = DriverManager.getConnection(p.get("paybridge.ledger.url"), "sa", "");
             Statement s = squatter.createStatement()) {
            s.execute("CREATE TABLE payments (not_our_schema INT)");

            assertThatThrownBy(() -> PaybridgeApp.start(p).close())
                    .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.startsWith("the ledger could not be opened and migrated: ")));
        }
    }

    private static int appliedMigrations(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException notCreatedYet) {
            return 0;
        }
    }

    private static List<String> messages(Throwable e) {
        List<String> messages = new java.util.ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
