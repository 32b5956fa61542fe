package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.Payment;
import io.paybridge.model.PaymentStatus;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files as spreadsheets and ERPs really write them, and files still being written. */
class BatchQuirksTest {
    static BluePaySimulator bluePay;
    static PaybridgeApp app;
    static Path inbox;
    static Path outbox;

    @BeforeAll
    static void start() throws Exception {
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        Map<String, String> p = BatchDrops.fast(PaybridgeApp.defaults(EmbeddedKafka.shared(), bluePay, PaybridgeApp.freePort()));
        p.put("paybridge.batch.min-age-ms", "1000"); // a file must be untouched for a second before it is taken
        app = PaybridgeApp.start(p);
        inbox = Path.of(p.get("paybridge.batch.inbox"));
        outbox = Path.of(p.get("paybridge.batch.outbox"));
    }

    @AfterAll
    static void stop() {
        app.close();
        bluePay.close();
    }

    @Test
    void bomCrlfSemicolonsQuotesAndTrailingBlankLines() {
        String csv = "\uFEFF Reference ;Amount;Currency;COUNTRY;Phone;Name;Description\r\n"
                + "Q-1;1500;kes;ke;+254 712 345 101;\"Wanjiru; Alice\";\"Bonus \"\"Q2\"\", June\"\r\n"
                + "Q-2;250;KES;KE;0712345102;\"Otieno\r\nBrian\";plain\r\n"
                + "Q-3;\"100\";KES;KE;254712345103;Chebet;\r\n"
                + ";;;;;;\r\n"
                + "\r\n"
                + "\r\n";
        BatchDrops.drop(inbox, "excel.csv", csv);
        Path summary = BatchDrops.awaitFile(outbox, "excel.csv.summary.json", Duration.ofSeconds(30));
        String stored = summary.getFileName().toString().replace(".summary.json", "");

        assertThat(BatchDrops.read(outbox.resolve(stored + ".rejects.csv"))).isEqualTo("line;reference;field;rule;reason\n");
        Payment q1 = ledger().find("Q-1").orElseThrow();
        assertThat(q1.command().customer().name()).isEqualTo("Wanjiru; Alice");
        assertThat(q1.command().description()).isEqualTo("Bonus \"Q2\", June");
        assertThat(q1.command().customer().phone()).isEqualTo("+254712345101");
        assertThat(q1.command().currency()).isEqualTo("KES");
        assertThat(q1.command().batch().line()).isEqualTo(2);
        assertThat(ledger().find("Q-2").orElseThrow().command().customer().name()).isEqualTo("Otieno\r\nBrian");
        assertThat(ledger().find("Q-3").orElseThrow().command().batch().line()).isEqualTo(5); // Q-2's name spans lines 3-4
        String results = BatchDrops.read(outbox.resolve(stored + ".results.csv"));
        assertThat(results.lines().toList()).hasSize(4).allSatisfy(line -> assertThat(line).contains(";"));
        assertThat(results.lines().skip(1).map(l -> l.split(";")[1] + " " + l.split(";")[4]))
                .containsExactly("Q-1 SUCCEEDED", "Q-2 SUCCEEDED", "Q-3 SUCCEEDED");
        for (String ref : new String[] {"Q-1", "Q-2", "Q-3"}) {
            assertThat(bluePay.createCount(ref)).isEqualTo(1);
        }
    }

    @Test
    void aFileStillBeingWrittenIsLeftAloneUntilItIsComplete() throws Exception {
        Path file = inbox.resolve("slow.csv");
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("reference,amount,currency,country,phone\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // An ERP writing a row every 200 ms, for longer than the read lock's minimum age.
            writer.scheduleAtFixedRate(() -> {
                int n = written.incrementAndGet();
                try {
                    out.write(("SLOW-" + n + "," + (100 + n) + ",KES,KE,07123453" + String.format("%02d", n) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
            Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                    .until(() -> Files.exists(file) && BatchDrops.find(outbox, "slow.csv.summary.json") == null);
            writer.shutdown();
            assertThat(writer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        int rows = written.get();
        assertThat(rows).isGreaterThan(5);
        Path summary = BatchDrops.awaitFile(outbox, "slow.csv.summary.json", Duration.ofSeconds(30));
        assertThat(BatchDrops.read(summary)).contains("\"valid\" : " + rows);
        for (int n = 1; n <= rows; n++) {
            assertThat(ledger().find("SLOW-" + n)).map(Payment::status).contains(PaymentStatus.SUCCEEDED);
        }
    }

    private static Ledger ledger() {
        return app.ledger();
    }
}
