package io.paybridge.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.Json;
import io.paybridge.ledger.BatchClaims;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerDatabase;
import io.paybridge.model.BatchRef;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.testing.EmbeddedPostgresDb;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ledger claim alone, as the batch reader uses it (bench/batch/README.md): rows claimed one
 * transaction each, then the same number through {@link BatchClaims} 100 per transaction, on a fresh
 * PostgreSQL database, alternated 3 times. Argument: rows per round (default 2,000).
 */
public final class ClaimBench {
    private ClaimBench() {
    }

    public static void main(String[] a) throws Exception {
        EmbeddedPostgresDb pg = EmbeddedPostgresDb.shared();
        try (HikariDataSource ds = LedgerDatabase.open(pg.freshDatabase(), pg.user(), pg.password(), 4)) {
            Ledger ledger = new Ledger(ds, Json.newMapper(), Clock.systemUTC());
            BatchClaims claims = new BatchClaims(ds, ledger);
            int n = a.length > 0 ? Integer.parseInt(a[0]) : 2000;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    ledger.claim(cmd("S" + round + "-" + i, i));
                }
                long single = System.nanoTime() - t0;
                t0 = System.nanoTime();
                List<PaymentCommand> chunk = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    chunk.add(cmd("C" + round + "-" + i, i));
                    if (chunk.size() == 100) {
                        claims.claimAll(chunk);
                        chunk = new ArrayList<>();
                    }
                }
                claims.claimAll(chunk);
                long chunked = System.nanoTime() - t0;
                System.out.printf("round %d: one per transaction %.0f rows/s, 100 per transaction %.0f rows/s, load %s%n", round,
                        n / (single / 1e9), n / (chunked / 1e9), Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
        System.exit(0);
    }

    private static PaymentCommand cmd(String id, long line) {
        return new PaymentCommand(id, PaymentType.PAYOUT, "bluepay", new BigDecimal("100"), "KES", "KE",
                new Customer("+254712345678", null, "Payee", null, null, null, null), "Run", null, new BatchRef("b-speed", line + 1));
    }
}
