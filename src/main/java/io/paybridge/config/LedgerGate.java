package io.paybridge.config;

import io.paybridge.ledger.MigratedDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;

/**
 * Holds Camel's start, after the routes are loaded and before any of them starts, until the
 * ledger (opened in the background) is migrated; a failed migration fails the start with its
 * cause, rather than leaving a bundle up whose every payment would fail.
 */
final class LedgerGate implements StartupListener {
    private final MigratedDataSource ledger;

    LedgerGate(MigratedDataSource ledger) {
        this.ledger = ledger;
    }

    @Override
    public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
        ledger.awaitMigration();
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // Nothing left to wait for: the routes started after onCamelContextStarting.
    }
}
