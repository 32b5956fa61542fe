package io.paybridge.ledger;

import java.util.UUID;

/** The ledger contract on H2, the zero-setup default. */
class H2LedgerTest extends LedgerContract {
    @Override
    String freshJdbcUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
