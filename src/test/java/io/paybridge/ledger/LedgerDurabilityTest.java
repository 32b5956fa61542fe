package io.paybridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.testing.ChildJvm;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default ledger (an H2 file, as application.properties configures it) keeps every commit
 * through a kill -9: a child JVM claims payments and prints each one once committed; after it is
 * killed, every payment it reported is in the database.
 */
class LedgerDurabilityTest {

    @Test
    void everyAcknowledgedClaimSurvivesAKill(@TempDir Path dir) throws Exception {
        String url = defaultLedgerUrl().replace("./data/ledger", dir.resolve("ledger").toString());
        Path log = dir.resolve("child.log");
        Process child = ChildJvm.start(LedgerClaimLoop.class, List.of("-Xmx128m"), log, url);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(log) >= 300 || !child.isAlive());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        long acknowledged = acknowledged(log);
        assertThat(acknowledged).as(Files.readString(log)).isGreaterThanOrEqualTo(300);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM payments")) {
            rs.next();
            assertThat(rs.getLong(1)).as("claims acknowledged before the kill").isGreaterThanOrEqualTo(acknowledged);
        }
    }

    private static String defaultLedgerUrl() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("application.properties"))) {
            p.load(in);
        }
        return p.getProperty("paybridge.ledger.url");
    }

    private static long acknowledged(Path log) throws Exception {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("CLAIMED ")).count();
    }
}
