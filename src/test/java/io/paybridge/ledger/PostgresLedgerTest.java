package io.paybridge.ledger;

import io.paybridge.testing.EmbeddedPostgresDb;

/** The ledger contract on a real PostgreSQL server (embedded binaries, one database per test). */
class PostgresLedgerTest extends LedgerContract {
    @Override
    String freshJdbcUrl() {
        return EmbeddedPostgresDb.shared().freshDatabase();
    }

    @Override
    String user() {
        return EmbeddedPostgresDb.shared().user();
    }

    @Override
    String password() {
        return EmbeddedPostgresDb.shared().password();
    }
}
