package io.paybridge.ledger;

import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import java.math.BigDecimal;
import java.time.Clock;

/** Child JVM for {@code LedgerDurabilityTest}: claims payments one after another, printing each once committed. */
public final class LedgerClaimLoop {
    private LedgerClaimLoop() {
    }

    public static void main(String[] args) {
        var dataSource = LedgerDatabase.open(args[0], "sa", "", 2);
        Ledger ledger = new Ledger(dataSource, Json.newMapper(), Clock.systemUTC());
        for (int n = 1; ; n++) {
            ledger.claim(new PaymentCommand("D-" + n, PaymentType.PAYOUT, "bluepay", BigDecimal.TEN, "KES", "KE",
                    new Customer("+254712345678", null, null, null, null, null, null), null, null, null));
            System.out.println("CLAIMED " + n);
            System.out.flush();
        }
    }
}
