package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.ledger.Batches;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import io.paybridge.testing.PaybridgeApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad rows and unusable files, end to end through the real bundle, against the BluePay simulator. */
class BatchRejectsTest {
    static BluePaySimulator bluePay;
    static PaybridgeApp app;
    static Path inbox;
    static Path outbox;

    @BeforeAll
    static void start() throws Exception {
        bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
        int port = PaybridgeApp.freePort();
        Map<String, String> p = BatchDrops.fast(PaybridgeApp.defaults(EmbeddedKafka.shared(), bluePay, port));
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
    void everyKindOfBadRowIsExplainedAndOnlyTheGoodRowIsPaid() {
        String csv = """
                reference,amount,currency,country,phone,name,description
                PAY-001,1500,KES,KE,0712345001,Alice Wanjiru,June commission
                PAY-002,"1,500",KES,KE,0712345002,Bad Amount,
                PAY-003,1500,KSH,KE,0712345003,Unknown Currency,
                PAY-004,1500,KES,KE,12345,Bad Phone,
                PAY-005,,KES,KE,0712345005,Missing Amount,
                PAY-001,200,KES,KE,0712345006,Repeated Reference,
                PAY-007,2000000,KES,KE,0712345007,Over Limit,
                PAY-008,10.50,KES,KE,0712345008,Cents,
                ,100,KES,KE,0712345009,No Reference,
                PAY-010,100,KES,KE,0712345010,Extra Cell,desc,EXTRA
                PAY-011,100,USD,KE,0712345011,No Route,
                PAY-012,abc,KES,KE,0712345012,Two Problems,
                PAY-012,100,KES,KE,0712345013,Repeats A Rejected Row,
                """;
        BatchDrops.drop(inbox, "june.csv", csv);
        Path summary = BatchDrops.awaitFile(outbox, "june.csv.summary.json", Duration.ofSeconds(30));
        String stored = summary.getFileName().toString().replace(".summary.json", "");

        assertThat(BatchDrops.read(outbox.resolve(stored + ".rejects.csv"))).isEqualTo("""
                line,reference,field,rule,reason
                3,PAY-002,amount,pattern,"amount must be a plain decimal number such as 1500 or 1500.50: digits, '.' for decimals, no thousands separators, signs or currency symbols"
                4,PAY-003,currency,iso-4217,'KSH' is not an ISO 4217 currency code
                5,PAY-004,phone,phone-number,not a valid phone number for KE: ****
                6,PAY-005,amount,required,amount is required
                7,PAY-001,reference,unique-in-file,reference 'PAY-001' already appears on line 2 of this file; only its first row is considered
                8,PAY-007,amount,bluepay.b2c.amount-range,BluePay B2C payout amount must be KES 10–1000000
                9,PAY-008,amount,bluepay.amount.whole-shillings,M-Pesa through BluePay takes whole shillings only
                10,,reference,required,reference is required
                11,PAY-010,row,column-count,the row has 8 values but the header names 7 columns
                12,PAY-011,provider,routing,"no routing rule matches country KE, currency USD, type PAYOUT; name a provider or add a rule"
                13,PAY-012,amount,pattern,"amount must be a plain decimal number such as 1500 or 1500.50: digits, '.' for decimals, no thousands separators, signs or currency symbols"
                14,PAY-012,reference,unique-in-file,reference 'PAY-012' already appears on line 13 of this file; only its first row is considered
                """);
        String results = BatchDrops.read(outbox.resolve(stored + ".results.csv"));
        assertThat(results.lines()).hasSize(2);
        assertThat(results.lines().skip(1).findFirst().orElseThrow()).startsWith("2,PAY-001,1500.00,KES,SUCCEEDED,bluepay,").endsWith(",25.00,");
        assertThat(BatchDrops.read(summary)).contains("\"total\" : 13", "\"valid\" : 1", "\"rejected\" : 12", "\"state\" : \"COMPLETED\"");
        assertThat(bluePay.createCount("PAY-001")).isEqualTo(1);
        assertThat(bluePay.receivedReferences()).containsOnly("PAY-001");
        assertThat(Path.of(inbox.toString(), "done", stored)).exists();
    }

    @Test
    void unknownColumnRefusesTheWholeFileNamingTheKnownOnes() {
        BatchDrops.drop(inbox, "typo.csv", "reference,amount,currency,country,phone,amout\nT-1,100,KES,KE,0712345001,100\n");
        Path rejects = BatchDrops.awaitFile(outbox, "typo.csv.rejects.csv", Duration.ofSeconds(30));
        String stored = rejects.getFileName().toString().replace(".rejects.csv", "");
        assertThat(BatchDrops.read(rejects)).isEqualTo("""
                line,reference,field,rule,reason
                1,,file,header,"unknown column 'amout' in the header row; known columns: reference, amount, currency, country, phone, name, email, provider, bank_code, account, description, doc_type, doc_number"
                """);
        assertThat(BatchDrops.read(outbox.resolve(stored + ".summary.json"))).contains("\"state\" : \"REJECTED\"");
        assertThat(inbox.resolve("failed").resolve(stored)).exists();
        assertThat(bluePay.createCount("T-1")).isZero();
        assertThat(batches().recent(100)).noneMatch(b -> b.fileName().equals("typo.csv")); // refused files are never registered
    }

    @Test
    void filesThatAreNotUsableAreRefusedWholeWithOneReason() {
        BatchDrops.drop(inbox, "empty.csv", "");
        BatchDrops.drop(inbox, "nocurrency.csv", "reference;amount;country\nN-1;100;KE\n");
        BatchDrops.drop(inbox, "unclosed.csv", "reference,amount,currency,country,phone\nU-1,100,KES,KE,0712345001\nU-2,\"100,KES,KE,0712345002\n");
        BatchDrops.drop(inbox, "latin1.csv", "reference,amount,currency,country,name\nL-1,100,KES,KE,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(reasonOf("empty.csv")).isEqualTo("1,,file,header,\"the file is empty: the first row must be a header naming the columns "
                + "(reference, amount, currency, country, phone, name, email, provider, bank_code, account, description, doc_type, doc_number)\"");
        // A ';' file gets ';' outputs; the reason is quoted because it holds the other delimiter.
        assertThat(reasonOf("nocurrency.csv")).isEqualTo("1;;file;header;\"the header row lacks required column currency; known columns: "
                + "reference, amount, currency, country, phone, name, email, provider, bank_code, account, description, doc_type, doc_number\"");
        assertThat(reasonOf("unclosed.csv"))
                .isEqualTo("3,,file,csv,the file is not readable as CSV from line 3: Missing closing quote for value; nothing in it was paid");
        assertThat(reasonOf("latin1.csv")).startsWith("2,,file,encoding,\"the file is not UTF-8 text");
        assertThat(bluePay.createCount("U-1")).isZero();
        assertThat(bluePay.createCount("L-1")).isZero();
    }

    private static String reasonOf(String name) {
        Path rejects = BatchDrops.awaitFile(outbox, name + ".rejects.csv", Duration.ofSeconds(30));
        return BatchDrops.read(rejects).lines().skip(1).findFirst().orElseThrow();
    }

    private static Batches batches() {
        return app.camel().getRegistry().lookupByNameAndType("batches", Batches.class);
    }
}
