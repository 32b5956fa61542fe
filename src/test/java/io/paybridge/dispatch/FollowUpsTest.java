package io.paybridge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.config.Json;
import io.paybridge.ledger.FollowUpLog;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerDatabase;
import io.paybridge.model.Customer;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentOptions;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.bitpesa.BitPesaConnector;
import io.paybridge.provider.bitpesa.BitPesaSettings;
import io.paybridge.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The follow-up step between the routes and the ledger: due or not, sent once, its answer applied forward-only. */
class FollowUpsTest {
    static final ObjectMapper JSON = Json.newMapper();
    static final String TX = "b6648ba3-1c7b-4f59-8580-684899c84a07";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private HikariDataSource dataSource;
    private Ledger ledger;
    private FollowUpLog log;
    private FollowUps followUps;
    private BitPesaConnector bitPesa;

    @BeforeEach
    void open() {
        dataSource = LedgerDatabase.open("jdbc:h2:mem:follow-ups-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        ledger = new Ledger(dataSource, JSON, Clock.systemUTC());
        log = new FollowUpLog(dataSource, Clock.systemUTC());
        bitPesa = new BitPesaConnector(new BitPesaSettings("http://127.0.0.1:1", "k", "s", "https://pay.example/callbacks/bitpesa", null,
                true, null), JSON);
        followUps = new FollowUps(ledger, log, new ConnectorRegistry().register(bitPesa));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    /** A BitPesa payout whose recipient errored, recorded NEEDS_REVIEW; returns the status answer's outcome. */
    private Outcome inReview(String id, boolean asked) {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.putObject("sender").put("external_id", "erp-cust-1");
        ledger.claim(new PaymentCommand(id, PaymentType.PAYOUT, "bitpesa", new BigDecimal("1500"), "KES", "KE",
                new Customer("+254712345678", null, "Jane Doe", null, null, null, null), null, metadata, null,
                asked ? new PaymentOptions(true) : null));
        ledger.markSubmitted(id);
        ledger.apply(id, Outcome.of(PaymentStatus.PENDING, TX, "received"), EventSource.RESPONSE);
        Outcome review = bitPesa.interpretStatus(ledger.find(id).orElseThrow().snapshot(),
                new ProviderResponse(200, Fixtures.bytes("bitpesa/transaction-processing-recipient-error.json")));
        ledger.apply(id, review, EventSource.POLL);
        return review;
    }

    private Exchange prepared(String id, Outcome outcome) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(ExchangeKeys.PAYMENT_ID, id);
        exchange.setProperty(ExchangeKeys.OUTCOME, outcome);
        followUps.prepare(exchange);
        return exchange;
    }

    @Test
    void aDueCancelIsSentOnceAndItsAnswerSettlesThePayment() {
        Outcome review = inReview("P-1", true);
        Exchange first = prepared("P-1", review);
        assertThat(first.getProperty(ExchangeKeys.SEND, Boolean.class)).isTrue();
        assertThat(first.getProperty(ExchangeKeys.PROVIDER, String.class)).isEqualTo("bitpesa");
        assertThat(first.getProperty(ExchangeKeys.PROVIDER_REQUEST, ProviderRequest.class).method()).isEqualTo("DELETE");
        assertThat(first.getProperty(ExchangeKeys.OUTCOME)).as("never asked again for its own answer").isNull();
        assertThat(prepared("P-1", review).getProperty(ExchangeKeys.SEND, Boolean.class)).as("a racing poll or webhook").isFalse();

        first.setProperty(ExchangeKeys.PROVIDER_RESPONSE,
                new ProviderResponse(200, Fixtures.bytes("bitpesa/cancel-accepted-recipient-error.json")));
        followUps.answered(first);
        assertThat(ledger.find("P-1").orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(log.answer("P-1", "cancel-transaction")).contains("HTTP 200");
    }

    @Test
    void notAskedNothingDue() {
        Outcome review = inReview("P-2", false);
        assertThat(prepared("P-2", review).getProperty(ExchangeKeys.SEND, Boolean.class)).isFalse();
        assertThat(prepared("P-2", null).getProperty(ExchangeKeys.SEND, Boolean.class)).as("no outcome on the exchange").isFalse();
        assertThat(log.answer("P-2", "cancel-transaction")).isEmpty();
    }

    @Test
    void aRefusedOrLostCancelMovesNothingAndIsNotSentAgain() {
        Outcome review = inReview("P-3", true);
        Exchange refused = prepared("P-3", review);
        refused.setProperty(ExchangeKeys.PROVIDER_RESPONSE, new ProviderResponse(422, Fixtures.bytes("bitpesa/cancel-refused-paid.json")));
        followUps.answered(refused);
        assertThat(ledger.find("P-3").orElseThrow().status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(log.answer("P-3", "cancel-transaction")).contains("HTTP 422");
        assertThat(prepared("P-3", review).getProperty(ExchangeKeys.SEND, Boolean.class)).isFalse();

        Outcome lostReview = inReview("P-4", true);
        Exchange lost = prepared("P-4", lostReview);
        lost.setProperty(ExchangeKeys.PROVIDER_FAILURE, new ProviderFailure(ProviderFailure.Kind.NO_ANSWER, "read timed out"));
        followUps.answered(lost);
        assertThat(ledger.find("P-4").orElseThrow().status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(log.answer("P-4", "cancel-transaction")).hasValueSatisfying(a -> assertThat(a).contains("read timed out"));
    }
}
