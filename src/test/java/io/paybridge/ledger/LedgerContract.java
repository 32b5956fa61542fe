package io.paybridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentEvent;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Reason;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's promises, run against each database it supports (H2 and a real PostgreSQL). */
abstract class LedgerContract {
    HikariDataSource dataSource;
    Ledger ledger;
    Outbox outbox;

    /** A fresh, empty database for one test. */
    abstract String freshJdbcUrl();

    @BeforeEach
    void open() {
        dataSource = LedgerDatabase.open(freshJdbcUrl(), user(), password(), 8);
        ledger = new Ledger(dataSource, Json.newMapper(), Clock.systemUTC());
        outbox = new Outbox(dataSource, Clock.systemUTC());
    }

    String user() {
        return "sa";
    }

    String password() {
        return "";
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void claimingTwiceIsANoOpThatReturnsTheExistingPayment() {
        ClaimResult first = ledger.claim(command("P-1", "100.00"));
        ClaimResult second = ledger.claim(command("P-1", "100.00"));
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.sameCommand()).isTrue();
        assertThat(second.payment().status()).isEqualTo(PaymentStatus.RECEIVED);
        assertThat(outbox.unpublished(10)).hasSize(1);
    }

    @Test
    void claimingAnIdWithADifferentCommandIsReportedAsNotTheSame() {
        ledger.claim(command("P-2", "100.00"));
        ClaimResult other = ledger.claim(command("P-2", "999.00"));
        assertThat(other.created()).isFalse();
        assertThat(other.sameCommand()).isFalse();
        assertThat(other.payment().command().amount()).isEqualByComparingTo("100.00");
    }

    @Test
    void concurrentClaimsOfOneIdCreateExactlyOnePayment() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ClaimResult>> claims = java.util.stream.IntStream.range(0, 16)
                    .mapToObj(i -> (Callable<ClaimResult>) () -> ledger.claim(command("P-race", "10"))).toList();
            long created = 0;
            for (Future<ClaimResult> f : pool.invokeAll(claims)) {
                created += f.get().created() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyOneCallerWinsTheRightToSend() {
        ledger.claim(command("P-3", "10"));
        assertThat(ledger.markSubmitted("P-3")).isTrue();
        assertThat(ledger.markSubmitted("P-3")).isFalse();
        assertThat(ledger.find("P-3").orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void racingDispatchersHoldingTheSameReadWinTheSendOnceWithOneEvent() throws Exception {
        Payment received = ledger.claim(command("P-race", "10")).payment();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> sends = java.util.stream.IntStream.range(0, 16)
                    .mapToObj(i -> (Callable<Boolean>) () -> ledger.markSubmitted(received)).toList();
            long won = 0;
            for (Future<Boolean> f : pool.invokeAll(sends)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Payment sent = ledger.find("P-race").orElseThrow();
        assertThat(sent.status()).isEqualTo(PaymentStatus.SUBMITTED);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(ledger.queries().eventCount("P-race")).as("RECEIVED and one SUBMITTED").isEqualTo(2);
        assertThat(ledger.markSubmitted(received)).as("a stale read of RECEIVED wins nothing").isFalse();
    }

    @Test
    void aLostPaymentMayBeResentOnceNeverTwiceEvenByRacingCallers() throws Exception {
        ledger.claim(command("P-resend", "10"));
        assertThat(ledger.markResent("P-resend")).as("never sent yet: nothing to resend").isFalse();
        assertThat(ledger.markSubmitted("P-resend")).isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> resends = java.util.stream.IntStream.range(0, 16)
                    .mapToObj(i -> (Callable<Boolean>) () -> ledger.markResent("P-resend")).toList();
            long won = 0;
            for (Future<Boolean> f : pool.invokeAll(resends)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.find("P-resend").orElseThrow().attempts()).as("sends").isEqualTo(2);
        assertThat(ledger.markResent("P-resend")).isFalse();
        assertThat(ledger.find("P-resend").orElseThrow().status()).isEqualTo(PaymentStatus.SUBMITTED);
    }

    @Test
    void statesOnlyMoveForward() {
        ledger.claim(command("P-4", "10"));
        ledger.markSubmitted("P-4");
        assertThat(ledger.apply("P-4", Outcome.of(PaymentStatus.PENDING, "ref-4", "STK_SENT"), EventSource.RESPONSE)).isPresent();
        assertThat(ledger.apply("P-4", Outcome.of(PaymentStatus.SUCCEEDED, "ref-4", "success"), EventSource.CALLBACK)).isPresent();
        // a late PENDING, a duplicate SUCCEEDED and a contradicting FAILED all change nothing
        assertThat(ledger.apply("P-4", Outcome.of(PaymentStatus.PENDING, "ref-4", "STK_SENT"), EventSource.RESPONSE)).isEmpty();
        assertThat(ledger.apply("P-4", Outcome.of(PaymentStatus.SUCCEEDED, "ref-4", "success"), EventSource.CALLBACK)).isEmpty();
        assertThat(ledger.apply("P-4", Outcome.of(PaymentStatus.FAILED, "ref-4", "failed"), EventSource.POLL)).isEmpty();
        Payment p = ledger.find("P-4").orElseThrow();
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(p.providerReference()).isEqualTo("ref-4");
        assertThat(ledger.apply("P-4", Outcome.of(PaymentStatus.REVERSED, "ref-4", "REVERSED"), EventSource.POLL)).isPresent();
        assertThat(outbox.unpublished(100)).extracting(Outbox.Entry::eventType)
                .containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED", "REVERSED");
    }

    @Test
    void eventsCarryReasonFeeAndPreviousStatus() {
        ledger.claim(command("P-5", "10"));
        PaymentEvent event = ledger.apply("P-5", new Outcome(PaymentStatus.FAILED, "r5", "failed",
                new Reason("DECLINED", "no funds", "mpesa.b2c.failed"), new BigDecimal("15.00"), null), EventSource.CALLBACK).orElseThrow();
        assertThat(event.previousStatus()).isEqualTo(PaymentStatus.RECEIVED);
        assertThat(event.fee()).isEqualTo("15.00");
        assertThat(event.reason().providerCode()).isEqualTo("mpesa.b2c.failed");
        assertThat(event.metadata().path("invoice").asText()).isEqualTo("INV-9");
        Payment p = ledger.find("P-5").orElseThrow();
        assertThat(p.reason().code()).isEqualTo("DECLINED");
        assertThat(p.fee()).isEqualByComparingTo("15");
        assertThat(ledger.idByProviderReference("bluepay", "r5")).contains("P-5");
    }

    @Test
    void aStateChangeAndItsOutboxRecordCommitTogether() throws Exception {
        ledger.claim(command("P-6", "10"));
        execute("ALTER TABLE outbox RENAME TO outbox_away");
        try {
            assertThatThrownBy(() -> ledger.apply("P-6", Outcome.of(PaymentStatus.PENDING, "r6", "x"), EventSource.RESPONSE))
                    .isInstanceOf(LedgerException.class);
        } finally {
            execute("ALTER TABLE outbox_away RENAME TO outbox");
        }
        assertThat(ledger.find("P-6").orElseThrow().status()).isEqualTo(PaymentStatus.RECEIVED);
        assertThat(outbox.unpublished(10)).extracting(Outbox.Entry::eventType).containsExactly("RECEIVED");
    }

    @Test
    void publishedEventsLeaveTheBacklog() {
        ledger.claim(command("P-7", "10"));
        ledger.claim(command("P-8", "10"));
        List<Outbox.Entry> pending = outbox.unpublished(10);
        assertThat(outbox.backlog()).isEqualTo(2);
        outbox.markPublished(List.of(pending.get(0).seq()));
        assertThat(outbox.unpublished(10)).extracting(Outbox.Entry::paymentId).containsExactly("P-8");
    }

    @Test
    void aCallbackDeliveryIsRecognisedTheSecondTime() {
        assertThat(ledger.firstDelivery("bluepay", "k-1")).isTrue();
        assertThat(ledger.firstDelivery("bluepay", "k-1")).isFalse();
        assertThat(ledger.firstDelivery("kipay", "k-1")).isTrue();
    }

    @Test
    void aLeaseHasOneHolderUntilItExpires() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                java.time.Instant.parse("2026-11-23T10:00:00Z"));
        Clock moving = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return now.get(); }
        };
        Leases a = new Leases(dataSource, moving, "replica-a");
        Leases b = new Leases(dataSource, moving, "replica-b");
        java.time.Duration ttl = java.time.Duration.ofSeconds(10);
        assertThat(a.hold("outbox-relay", ttl)).isTrue();
        assertThat(b.hold("outbox-relay", ttl)).isFalse();
        now.set(now.get().plusSeconds(5));
        assertThat(a.hold("outbox-relay", ttl)).isTrue(); // renewed until 10:00:15
        now.set(now.get().plusSeconds(9));
        assertThat(b.hold("outbox-relay", ttl)).isFalse();
        now.set(now.get().plusSeconds(2)); // a stopped renewing: its lease ran out at 10:00:15
        assertThat(b.hold("outbox-relay", ttl)).isTrue();
        assertThat(a.hold("outbox-relay", ttl)).isFalse();
        assertThat(a.hold("reconcile", ttl)).isTrue(); // leases are per job
    }

    @Test
    void unknownPaymentsAreNotInvented() {
        assertThat(ledger.apply("nope", Outcome.of(PaymentStatus.SUCCEEDED, null, null), EventSource.CALLBACK)).isEqualTo(Optional.empty());
        assertThat(ledger.find("nope")).isEmpty();
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void unsentPaymentsAreFoundPerProviderSoOneProvidersBacklogCannotHideAnother() {
        for (int i = 0; i < 3; i++) {
            ledger.claim(command("U-blue-" + i, "100.00"));
        }
        ledger.claim(command("U-kipay", "100.00").withProvider("kipay"));
        java.time.Duration none = java.time.Duration.ofSeconds(-1);
        assertThat(ledger.queries().unsent(none, 2)).extracting(Payment::id).containsExactly("U-blue-0", "U-blue-1");
        assertThat(ledger.queries().unsent("kipay", none, 2)).extracting(Payment::id).containsExactly("U-kipay");
        assertThat(ledger.queries().unsent("bluepay", none, 5)).hasSize(3);
        ledger.markSubmitted("U-kipay");
        assertThat(ledger.queries().unsent("kipay", none, 2)).isEmpty();
    }

    static PaymentCommand command(String id, String amount) {
        var metadata = Json.newMapper().createObjectNode().put("invoice", "INV-9");
        return new PaymentCommand(id, PaymentType.PAYOUT, "bluepay", new BigDecimal(amount), "KES", "KE",
                new Customer("+254712345678", null, "Ann", null, null, null, null), "test", metadata, null);
    }
}
