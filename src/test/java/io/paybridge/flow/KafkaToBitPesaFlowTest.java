package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.ledger.Payment;
import io.paybridge.model.PaymentStatus;
import io.paybridge.sandbox.bitpesa.BitPesaSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real bundle against the BitPesa simulator over real HTTP and a real Kafka broker. Webhooks
 * are delivered to this process but signed over a public URL, as when a proxy sits in front.
 */
class KafkaToBitPesaFlowTest extends FlowTestSupport {
    static final String PUBLIC_URL = "https://payments.example.com/callbacks/bitpesa";
    static BitPesaSimulator bitPesa;

    @BeforeAll
    static void start() throws Exception {
        BitPesaSimulator.Settings sim = BitPesaSimulator.Settings.defaults();
        bitPesa = BitPesaSimulator.start(sim);
        startWorld(Map.of(
                "paybridge.bitpesa.enabled", "true",
                "paybridge.bitpesa.base-url", bitPesa.baseUrl(),
                "paybridge.bitpesa.api-key", sim.apiKey(),
                "paybridge.bitpesa.api-secret", sim.apiSecret(),
                "paybridge.bitpesa.callback-public-url", PUBLIC_URL,
                "paybridge.bitpesa.fund-from-balance", "true",
                "paybridge.bitpesa.poll-after", "PT1S",
                "paybridge.reconcile.interval-ms", "300"));
        bitPesa.setWebhook(app.baseUrl() + "/callbacks/bitpesa", PUBLIC_URL);
    }

    @AfterAll
    static void stopBitPesa() {
        bitPesa.close();
    }

    static String payout(String id, String amount, String currency, String country, String customer, String senderKey) {
        return "{\"id\":\"" + id + "\",\"type\":\"PAYOUT\",\"provider\":\"bitpesa\",\"amount\":\"" + amount + "\",\"currency\":\""
                + currency + "\",\"country\":\"" + country + "\",\"customer\":" + customer + ",\"metadata\":{\"sender\":{\"external_id\":\""
                + senderKey + "\",\"first_name\":\"Amina\",\"last_name\":\"Otieno\",\"email\":\"amina@example.com\",\"country\":\"KE\","
                + "\"phone_country\":\"KE\",\"phone_number\":\"712000111\",\"city\":\"Nairobi\",\"street\":\"Moi Avenue 1\","
                + "\"postal_code\":\"00100\",\"birth_date\":\"1985-04-12\"}}}";
    }

    /** The same payout asking for its cancellation should the recipient error. */
    static String cancelOnRecipientError(String command) {
        return command.replaceFirst("\\}$", ",\"options\":{\"cancelOnRecipientError\":true}}");
    }

    @Test
    void payoutsInThreeCountriesSucceedAndReuseTheSender() {
        String sender = "erp-cust-" + UUID.randomUUID();
        produce("bp-ke-1", payout("bp-ke-1", "1500", "KES", "KE", "{\"phone\":\"0712345678\",\"name\":\"Jane Wanjiru Doe\"}", sender));
        produce("bp-ug-1", payout("bp-ug-1", "50000", "UGX", "UG", "{\"phone\":\"0772123456\",\"name\":\"Okello James\"}", sender));
        produce("bp-gh-1", "{\"id\":\"bp-gh-1\",\"type\":\"PAYOUT\",\"provider\":\"bitpesa\",\"amount\":\"120\",\"currency\":\"GHS\","
                + "\"country\":\"GH\",\"customer\":{\"phone\":\"0241234567\",\"name\":\"Kofi Mensah\"},"
                + "\"metadata\":{\"operator\":\"mtn\",\"sender\":{\"external_id\":\"" + sender + "\"}}}");
        for (String id : List.of("bp-ke-1", "bp-ug-1", "bp-gh-1")) {
            List<String> statuses = statuses(eventsUntil(id, "SUCCEEDED"));
            assertThat(statuses).as(id).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
            assertThat(bitPesa.createCount(id)).isEqualTo(1);
            assertThat(bitPesa.transactionState(id)).isEqualTo("paid");
        }
        assertThat(bitPesa.senderCount(sender)).isEqualTo(1);
        JsonNode succeeded = json(eventsUntil("bp-ke-1", "SUCCEEDED").get(3).value());
        assertThat(succeeded.path("source").asText()).isEqualTo("callback");
        assertThat(succeeded.path("providerStatus").asText()).isEqualTo("paid");
    }

    @Test
    void failedPayoutEndsFailedAfterTheRecipientErrorAndRefund() {
        String id = "bp-ng-fail";
        BigDecimal before = bitPesa.balance("NGN");
        produce(id, payout(id, "25000", "NGN", "NG", "{\"name\":\"Ada Obi\",\"bankCode\":\"058\",\"account\":\"0123456999\"}",
                "erp-cust-ng"));
        List<ConsumerRecord<String, byte[]>> events = eventsUntil(id, "FAILED");
        assertThat(statuses(events)).startsWith("RECEIVED", "SUBMITTED", "PENDING").endsWith("FAILED");
        JsonNode failed = json(events.get(events.size() - 1).value());
        assertThat(failed.path("reason").path("code").asText()).isEqualTo("DECLINED");
        assertThat(failed.path("reason").path("message").asText()).contains("refunded");
        assertThat(bitPesa.balance("NGN")).isEqualByComparingTo(before);
    }

    @Test
    void senderWithoutApprovedKycIsRefusedAndNoTransactionIsCreated() {
        String id = "bp-kyc-pending";
        bitPesa.presetSenderState("erp-kyc-pending", "initial");
        produce(id, payout(id, "1500", "KES", "KE", "{\"phone\":\"0712345678\",\"name\":\"Jane Doe\"}", "erp-kyc-pending"));
        List<ConsumerRecord<String, byte[]>> events = eventsUntil(id, "FAILED");
        JsonNode failed = json(events.get(events.size() - 1).value());
        assertThat(failed.path("reason").path("code").asText()).isEqualTo("SENDER_NOT_APPROVED");
        assertThat(failed.path("reason").path("message").asText()).contains("erp-kyc-pending").contains("initial");
        assertThat(bitPesa.createCount(id)).isZero();
        assertThat(bitPesa.senderCount("erp-kyc-pending")).isEqualTo(1);
    }

    @Test
    void lostCreateAnswerIsFoundByExternalIdNotCreatedTwice() {
        String id = "bp-ke-lost";
        bitPesa.faults().failNextAfterCreate(1);
        produce(id, payout(id, "2000", "KES", "KE", "{\"phone\":\"0722333444\",\"name\":\"Peter Kamau\"}", "erp-cust-lost"));
        assertThat(statuses(eventsUntil(id, "SUCCEEDED"))).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "SUCCEEDED");
        assertThat(bitPesa.createCount(id)).isEqualTo(1);
        assertThat(bitPesa.callCount("/v1/transactions")).isGreaterThanOrEqualTo(2); // the create and the lookup
    }

    @Test
    void validationErrorNamesTheField() {
        String id = "bp-ng-bad-account";
        produce(id, payout(id, "25000", "NGN", "NG", "{\"name\":\"Ada Obi\",\"bankCode\":\"058\",\"account\":\"12345\"}", "erp-cust-ng"));
        List<ConsumerRecord<String, byte[]>> events = eventsUntil(id, "FAILED");
        JsonNode failed = json(events.get(events.size() - 1).value());
        assertThat(failed.path("reason").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(failed.path("reason").path("message").asText()).contains("customer.account");
        assertThat(bitPesa.createCount(id)).isZero();
    }

    @Test
    void insufficientBalanceFailsThenCancelsTheUnfundedTransactionOnce() {
        String id = "bp-gh-broke";
        BigDecimal before = bitPesa.balance("GHS");
        bitPesa.setBalance("GHS", BigDecimal.ONE);
        try {
            produce(id, payout(id, "120", "GHS", "GH", "{\"phone\":\"0241234567\",\"name\":\"Kofi Mensah\"}", "erp-cust-gh"));
            List<ConsumerRecord<String, byte[]>> events = eventsUntil(id, "FAILED");
            JsonNode failed = json(events.get(events.size() - 1).value());
            assertThat(failed.path("reason").path("code").asText()).isEqualTo("INSUFFICIENT_FLOAT");
            assertThat(failed.path("reason").path("message").asText()).contains("refused to fund").contains("cancels the unfunded");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "canceled".equals(bitPesa.transactionState(id)));
            assertThat(bitPesa.cancelCount(id)).isEqualTo(1);
            assertThat(bitPesa.balance("GHS")).isEqualByComparingTo(BigDecimal.ONE);
            assertStaysFailedWithTheFundingReason(id);
        } finally {
            bitPesa.setBalance("GHS", before);
        }
    }

    @Test
    void refusedFundingSwitchFailsWithTheFundingReasonAndOneCancel() {
        String id = "bp-ke-unfunded";
        bitPesa.faults().refuseNextDebits(1);
        produce(id, payout(id, "1700", "KES", "KE", "{\"phone\":\"0712345678\",\"name\":\"Jane Doe\"}", "erp-cust-unfunded"));
        List<ConsumerRecord<String, byte[]>> events = eventsUntil(id, "FAILED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "FAILED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "canceled".equals(bitPesa.transactionState(id)));
        assertThat(bitPesa.cancelCount(id)).isEqualTo(1);
        assertStaysFailedWithTheFundingReason(id);
    }

    /** BitPesa's canceled webhook follows the cancel; the FAILED recorded before it must keep the funding's reason. */
    private static void assertStaysFailedWithTheFundingReason(String id) {
        List<ConsumerRecord<String, byte[]>> all = kafka.readAll(app.property("paybridge.topics.events"), Duration.ofSeconds(2),
                recs -> false);
        assertThat(all.stream().filter(r -> id.equals(r.key())).map(r -> field(r, "status"))).doesNotContain("CANCELLED");
        Payment payment = app.ledger().find(id).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.reason().code()).isEqualTo("INSUFFICIENT_FLOAT");
        assertThat(payment.reason().message()).contains("refused to fund");
    }

    @Test
    void recipientErrorIsCancelledOnceWhenTheCommandAsks() {
        String id = "bp-ke-auto-cancel";
        BigDecimal before = bitPesa.balance("KES");
        produce(id, cancelOnRecipientError(payout(id, "1900", "KES", "KE", "{\"phone\":\"0712345997\",\"name\":\"Jane Doe\"}",
                "erp-cust-auto")));
        List<ConsumerRecord<String, byte[]>> events = eventsUntil(id, "CANCELLED");
        assertThat(statuses(events)).containsExactly("RECEIVED", "SUBMITTED", "PENDING", "NEEDS_REVIEW", "CANCELLED");
        JsonNode review = json(events.get(3).value());
        assertThat(review.path("reason").path("providerCode").asText()).isEqualTo("recipient:error");
        JsonNode cancelled = json(events.get(4).value());
        assertThat(cancelled.path("previousStatus").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(cancelled.path("providerStatus").asText()).isEqualTo("canceled");
        assertThat(bitPesa.transactionState(id)).isEqualTo("canceled");
        assertThat(bitPesa.cancelCount(id)).isEqualTo(1);
        assertThat(bitPesa.balance("KES")).isEqualByComparingTo(before); // the funded amount came back
    }

    @Test
    void duplicatedWebhooksStillCancelOnce() {
        String id = "bp-ke-auto-cancel-dup";
        int delivered = bitPesa.webhooksDelivered();
        bitPesa.faults().duplicateCallbacks(true);
        try {
            produce(id, cancelOnRecipientError(payout(id, "1950", "KES", "KE", "{\"phone\":\"0712345997\",\"name\":\"Jane Doe\"}",
                    "erp-cust-auto")));
            assertThat(statuses(eventsUntil(id, "CANCELLED"))).endsWith("NEEDS_REVIEW", "CANCELLED");
            // paid_in, recipient.error and canceled, each delivered twice and answered; the confirmations they started run
            // after their answers, so the count must also hold for a while (a second cancel is counted even when refused)
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> bitPesa.webhooksDelivered() >= delivered + 6);
        } finally {
            bitPesa.faults().duplicateCallbacks(false);
        }
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> bitPesa.cancelCount(id) == 1);
    }

    @Test
    void recipientErrorNeedsReviewUntilTheOperatorCancels() throws Exception {
        String id = "bp-ke-recipient-error";
        produce(id, payout(id, "1800", "KES", "KE", "{\"phone\":\"0712345997\",\"name\":\"Jane Doe\"}", "erp-cust-review"));
        List<ConsumerRecord<String, byte[]>> review = eventsUntil(id, "NEEDS_REVIEW");
        JsonNode needsReview = json(review.get(review.size() - 1).value());
        assertThat(needsReview.path("reason").path("providerCode").asText()).isEqualTo("recipient:error");
        // two later polls (each with its follow-up step) found the recipient in error: the command did not ask, nothing cancels
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> app.ledger().find(id).orElseThrow().polls() >= 2);
        assertThat(bitPesa.cancelCount(id)).isZero();
        assertThat(app.ledger().find(id).orElseThrow().status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        String transactionId = needsReview.path("providerReference").asText();
        var answer = post("/admin/providers/bitpesa/cancel-transaction", "{\"transaction_id\":\"" + transactionId + "\"}", Map.of());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(statuses(eventsUntil(id, "CANCELLED"))).endsWith("NEEDS_REVIEW", "CANCELLED");
        assertThat(bitPesa.transactionState(id)).isEqualTo("canceled");
        assertThat(bitPesa.cancelCount(id)).as("the operator's").isEqualTo(1);
        assertThat(post("/admin/providers/bitpesa/cancel-transaction", "{}", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void forgedWebhooksAreRejectedAndRecordNothing() throws Exception {
        String id = "bp-ke-waits";
        produce(id, payout(id, "1500", "KES", "KE", "{\"phone\":\"0712345998\",\"name\":\"Jane Doe\"}", "erp-cust-waits"));
        eventsUntil(id, "PENDING");
        awaitStatus(id, "PENDING");
        String body = "{\"webhook\":\"w\",\"event\":\"transaction.paid_out\",\"object\":{\"id\":\"x\",\"state\":\"paid\","
                + "\"external_id\":\"" + id + "\"}}";
        assertThat(postWebhook(body, headers("sim-bitpesa-key", "not-the-secret", PUBLIC_URL, body))).isEqualTo(401);
        assertThat(postWebhook(body, headers("another-key", "sim-bitpesa-secret", PUBLIC_URL, body))).isEqualTo(401);
        assertThat(postWebhook(body, headers("sim-bitpesa-key", "sim-bitpesa-secret", app.baseUrl() + "/callbacks/bitpesa", body)))
                .as("signed over the internal URL, not the registered public one").isEqualTo(401);
        assertThat(postWebhook(body, Map.of())).isEqualTo(401);
        Map<String, String> noSignature = headers("sim-bitpesa-key", "sim-bitpesa-secret", PUBLIC_URL, body);
        noSignature.remove("Authorization-Signature");
        assertThat(postWebhook(body, noSignature)).isEqualTo(401);
        assertThat(app.ledger().find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        List<ConsumerRecord<String, byte[]>> all = kafka.readAll(app.property("paybridge.topics.events"), Duration.ofSeconds(2),
                recs -> false);
        assertThat(all.stream().filter(r -> id.equals(r.key())).map(r -> field(r, "status"))).doesNotContain("SUCCEEDED");
    }

    private static int postWebhook(String body, Map<String, String> headers) throws Exception {
        return post("/callbacks/bitpesa", body, headers).statusCode();
    }

    /** Headers as BitPesa would sign them, with the given key, secret and URL (the simulator's own signer). */
    private static Map<String, String> headers(String key, String secret, String url, String body) {
        String nonce = UUID.randomUUID().toString();
        Map<String, String> h = new HashMap<>();
        h.put("Authorization-Key", key);
        h.put("Authorization-Nonce", nonce);
        h.put("Authorization-Signature", io.paybridge.sandbox.bitpesa.BitPesaSimulatorTestAccess.sign(secret, nonce, url, body));
        return h;
    }
}
