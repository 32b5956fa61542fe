package io.paybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.paybridge.config.Json;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerDatabase;
import io.paybridge.model.Customer;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import io.paybridge.provider.bluepay.BluePayWebhookVerifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment resent after a lost answer may have two objects at BluePay (a failed payout's
 * reference can be used again): a callback about the other one must never decide the payment.
 */
class CallbackHandlerAttemptsTest {
    static final ObjectMapper JSON = Json.newMapper();
    static final String SECRET = "attempts-secret";

    private HikariDataSource dataSource;
    private Ledger ledger;
    private CallbackHandler handler;

    @BeforeEach
    void open() {
        dataSource = LedgerDatabase.open("jdbc:h2:mem:attempts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        ledger = new Ledger(dataSource, JSON, Clock.systemUTC());
        BluePayConnector bluePay = new BluePayConnector(new BluePaySettings("http://127.0.0.1:1", SECRET, null, null,
                "550e8400-e29b-41d4-a716-446655440000", null), JSON);
        handler = new CallbackHandler(new ConnectorRegistry().register(bluePay), ledger);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aLateFailureOfTheFirstAttemptDoesNotFailAPaymentWhoseResentPayoutIsPending() {
        String id = sentTwice("att-late");
        ledger.apply(id, Outcome.of(PaymentStatus.PENDING, "payout-2", "PENDING"), EventSource.RESPONSE);

        CallbackReply reply = deliver(failed(id, "payout-1"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.outcome()).isEqualTo("other-attempt");
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void theResentAttemptsOwnCallbackIsApplied() {
        String id = sentTwice("att-own");
        ledger.apply(id, Outcome.of(PaymentStatus.PENDING, "payout-2", "PENDING"), EventSource.RESPONSE);

        CallbackReply reply = deliver(failed(id, "payout-2"));

        assertThat(reply.outcome()).isEqualTo("applied");
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void anUpdateArrivingWhileTheResendAwaitsItsAnswerIsAskedForAgain() {
        String id = sentTwice("att-flight");

        CallbackReply reply = deliver(failed(id, "payout-1"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.outcome()).isEqualTo("resend-in-flight");
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.SUBMITTED);
    }

    @Test
    void aPaymentSentOnceTakesItsCallbackWhateverReferenceItNames() {
        String id = "att-once";
        ledger.claim(payout(id));
        ledger.markSubmitted(id);

        CallbackReply reply = deliver(failed(id, "payout-1"));

        assertThat(reply.outcome()).isEqualTo("applied");
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
    }

    private String sentTwice(String id) {
        ledger.claim(payout(id));
        assertThat(ledger.markSubmitted(id)).isTrue();
        assertThat(ledger.markResent(id)).isTrue();
        return id;
    }

    private static PaymentCommand payout(String id) {
        return new PaymentCommand(id, PaymentType.PAYOUT, "bluepay", new BigDecimal("300"), "KES", "KE",
                new Customer("254712345678", null, null, null, null, null, null), null, null, null);
    }

    private static byte[] failed(String id, String payoutId) {
        return ("{\"event\":\"mpesa.b2c.failed\",\"data\":{\"id\":\"" + payoutId + "\",\"type\":\"B2C\",\"status\":\"FAILED\","
                + "\"amount\":300,\"external_reference\":\"" + id + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private CallbackReply deliver(byte[] body) {
        String signature = new BluePayWebhookVerifier(SECRET).signatureFor(body);
        return handler.handle("bluepay", body, new CallbackHeaders(Map.of("X-BluePay-Signature", signature)));
    }
}
