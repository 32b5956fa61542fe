package io.paybridge.provider.bitpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.ReasonCodes;
import io.paybridge.model.Violation;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payout conversation answer by answer: sender, KYC, create, lookup instead of re-create, funding, cancel. */
class BitPesaConnectorTest {
    static final ObjectMapper JSON = Json.newMapper();
    static final String BASE = "https://api-sandbox.bitpesa.co";

    private BitPesaConnector connector(boolean fund) {
        return new BitPesaConnector(new BitPesaSettings(BASE, "key-1", "secret-1", "https://pay.example/callbacks/bitpesa", null, fund,
                null), JSON);
    }

    static PaymentCommand payout(String id, String amount, String currency, String country, Customer customer, String metadata) {
        try {
            ObjectNode meta = metadata == null ? null : (ObjectNode) JSON.readTree(metadata);
            return new PaymentCommand(id, PaymentType.PAYOUT, "bitpesa", new BigDecimal(amount), currency, country, customer, null, meta,
                    null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final String SENDER = "{\"sender\":{\"external_id\":\"erp-cust-42\",\"first_name\":\"Example\",\"last_name\":\"User\","
            + "\"email\":\"email@domain.com\",\"country\":\"UG\"}}";
    private final PaymentCommand kes = payout("pay-1", "1500", "KES", "KE",
            new Customer("+254712345678", null, "Jane Doe", null, null, null, null), SENDER);

    /** Runs the conversation, answering each request with the next response; returns every call made. */
    private List<ProviderCall> converse(BitPesaConnector connector, PaymentCommand command, ProviderResponse... answers) {
        List<ProviderCall> calls = new ArrayList<>();
        ProviderRequest next = connector.initiate(command);
        for (ProviderResponse answer : answers) {
            calls.add(new ProviderCall(next, answer));
            Step step = connector.afterInitiation(command, calls);
            if (step.isDone()) {
                lastOutcome = step;
                return calls;
            }
            next = step.next();
        }
        throw new AssertionError("conversation not finished after " + answers.length + " answers; next: " + next.operation());
    }

    /** The final step of the last {@link #converse}. */
    private Step lastOutcome;

    private static List<String> operations(List<ProviderCall> calls) {
        return calls.stream().map(c -> c.request().operation()).toList();
    }

    private static ProviderResponse fixture(int status, String name) {
        return BitPesaFixtures.answer(status, name);
    }

    @Test
    void approvedSenderCreatedTransactionFundedFromBalance() throws Exception {
        List<ProviderCall> calls = converse(connector(true), kes, fixture(200, "sender-list-approved.json"),
                fixture(201, "transaction-initial.json"), new ProviderResponse(201, "{\"object\":[{}]}".getBytes()));
        assertThat(operations(calls)).containsExactly("sender-lookup", "transaction-create", "debit");
        assertThat(calls.get(0).request().url()).isEqualTo(BASE + "/v1/senders?external_id=erp-cust-42");
        assertThat(calls.get(0).request().method()).isEqualTo("GET");
        JsonNode tx = JSON.readTree(calls.get(1).request().body()).get("transaction");
        assertThat(tx.get("external_id").asText()).isEqualTo("pay-1");
        assertThat(tx.get("input_currency").asText()).isEqualTo("KES");
        assertThat(tx.path("sender").path("id").asText()).isEqualTo("3c4a2b1e-9d8f-4e7a-b6c5-d4e3f2a1b0c9");
        assertThat(tx.get("recipients")).hasSize(1);
        JsonNode method = tx.path("recipients").path(0).path("payout_method");
        assertThat(method.path("type").asText()).isEqualTo("KES::Mobile");
        assertThat(method.path("details").toString()).isEqualTo("{\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"phone_number\":"
                + "\"+254712345678\",\"mobile_provider\":\"mpesa\",\"transfer_reason\":\"personal_account\"}");
        JsonNode debit = JSON.readTree(calls.get(2).request().body()).get("debit");
        assertThat(debit.toString()).isEqualTo("{\"currency\":\"KES\",\"to_id\":\"b6648ba3-1c7b-4f59-8580-684899c84a07\","
                + "\"to_type\":\"Transaction\"}");
        assertThat(lastOutcome.outcome().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(lastOutcome.outcome().providerReference()).isEqualTo("b6648ba3-1c7b-4f59-8580-684899c84a07");
        // every request is signed with its own nonce
        assertThat(calls.stream().map(c -> c.request().headers().get("Authorization-Nonce")).distinct())
                .hasSize(3);
    }

    @Test
    void unknownSenderIsCreatedOnceThenUsed() throws Exception {
        List<ProviderCall> calls = converse(connector(false), kes, fixture(200, "sender-list-empty.json"),
                fixture(201, "sender-created.json"), fixture(201, "transaction-initial.json"));
        assertThat(operations(calls)).containsExactly("sender-lookup", "sender-create", "transaction-create");
        JsonNode sender = JSON.readTree(calls.get(1).request().body()).get("sender");
        assertThat(sender.get("external_id").asText()).isEqualTo("erp-cust-42");
        assertThat(sender.get("first_name").asText()).isEqualTo("Example");
        assertThat(lastOutcome.outcome().status()).as("not funded by this bundle: waits at BitPesa").isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void senderNotApprovedStopsBeforeAnyTransaction() {
        List<ProviderCall> calls = converse(connector(true), kes, fixture(200, "sender-list-initial.json"));
        assertThat(operations(calls)).containsExactly("sender-lookup");
        assertThat(lastOutcome.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(lastOutcome.outcome().reason().code()).isEqualTo(ReasonCodes.SENDER_NOT_APPROVED);
        assertThat(lastOutcome.outcome().reason().message()).contains("erp-cust-42").contains("initial").contains("no transaction was created");
    }

    @Test
    void serverErrorOnCreateLooksUpByExternalIdInsteadOfCreatingAgain() {
        List<ProviderCall> calls = converse(connector(false), kes, fixture(200, "sender-list-approved.json"),
                new ProviderResponse(500, new byte[0]), fixture(200, "transaction-list.json"));
        assertThat(operations(calls)).containsExactly("sender-lookup", "transaction-create", "transaction-lookup");
        assertThat(calls.get(2).request().url()).isEqualTo(BASE + "/v1/transactions?external_id=pay-1");
        assertThat(lastOutcome.outcome().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(lastOutcome.outcome().providerReference()).isEqualTo("b6648ba3-1c7b-4f59-8580-684899c84a07");
    }

    @Test
    void createdAgainOnlyWhenTheLookupProvesNoneExists() throws Exception {
        List<ProviderCall> calls = converse(connector(false), kes, fixture(200, "sender-list-approved.json"),
                new ProviderResponse(503, new byte[0]), fixture(200, "transaction-list-empty.json"), fixture(201, "transaction-initial.json"));
        assertThat(operations(calls)).containsExactly("sender-lookup", "transaction-create", "transaction-lookup", "transaction-create");
        assertThat(calls.get(1).request().headers().get("Authorization-Nonce"))
                .isNotEqualTo(calls.get(3).request().headers().get("Authorization-Nonce"));
        assertThat(JSON.readTree(calls.get(3).request().body()).path("transaction").path("sender").path("id").asText())
                .isEqualTo("3c4a2b1e-9d8f-4e7a-b6c5-d4e3f2a1b0c9");
        // a second unclear create is not followed by a third
        converse(connector(false), kes, fixture(200, "sender-list-approved.json"), new ProviderResponse(503, new byte[0]),
                fixture(200, "transaction-list-empty.json"), new ProviderResponse(503, new byte[0]), fixture(200, "transaction-list-empty.json"));
        assertThat(lastOutcome.outcome().status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
    }

    @Test
    void duplicateExternalIdMeansItExistsAlready() {
        List<ProviderCall> calls = converse(connector(false), kes, fixture(200, "sender-list-approved.json"),
                fixture(422, "errors-422-duplicate-external-id.json"), fixture(200, "transaction-list.json"));
        assertThat(operations(calls)).containsExactly("sender-lookup", "transaction-create", "transaction-lookup");
        assertThat(lastOutcome.outcome().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void validationErrorsFailNamingTheField() {
        converse(connector(true), kes, fixture(200, "sender-list-approved.json"), fixture(422, "errors-422-phone.json"));
        assertThat(lastOutcome.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(lastOutcome.outcome().reason().code()).isEqualTo(ReasonCodes.INVALID_PHONE);
        assertThat(lastOutcome.outcome().reason().message()).contains("customer.phone");
    }

    @Test
    void refusedFundingFailsWithTheBalanceReason() {
        List<ProviderCall> calls = converse(connector(true), kes, fixture(200, "sender-list-approved.json"),
                fixture(201, "transaction-initial.json"), fixture(422, "debit-insufficient-funds.json"));
        assertThat(operations(calls)).containsExactly("sender-lookup", "transaction-create", "debit");
        assertThat(lastOutcome.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(lastOutcome.outcome().providerReference()).isEqualTo("b6648ba3-1c7b-4f59-8580-684899c84a07");
        assertThat(lastOutcome.outcome().reason().code()).isEqualTo(ReasonCodes.INSUFFICIENT_FLOAT);
    }

    @Test
    void busySenderLookupIsAskedOnceMoreWithAFreshNonce() {
        List<ProviderCall> calls = converse(connector(false), kes, new ProviderResponse(503, new byte[0]),
                fixture(200, "sender-list-approved.json"), fixture(201, "transaction-initial.json"));
        assertThat(operations(calls)).containsExactly("sender-lookup", "sender-lookup", "transaction-create");
        assertThat(connector(false).isRetryable(new ProviderResponse(503, new byte[0]))).isFalse();
    }

    @Test
    void statusQueryByIdOrByExternalId() {
        BitPesaConnector c = connector(true);
        assertThat(c.statusQuery(new PaymentSnapshot("pay-1", PaymentType.PAYOUT, PaymentStatus.PENDING, "tx-9")).orElseThrow().url())
                .isEqualTo(BASE + "/v1/transactions/tx-9");
        assertThat(c.statusQuery(new PaymentSnapshot("pay-1", PaymentType.PAYOUT, PaymentStatus.NEEDS_REVIEW, null)).orElseThrow().url())
                .isEqualTo(BASE + "/v1/transactions?external_id=pay-1");
        PaymentSnapshot pending = new PaymentSnapshot("pay-1", PaymentType.PAYOUT, PaymentStatus.PENDING, "tx-9");
        assertThat(c.interpretStatus(pending, fixture(200, "transaction-paid.json")).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(c.interpretStatus(pending, fixture(200, "transaction-list-empty.json")).status()).isNull();
        assertThat(c.interpretStatus(pending, fixture(200, "transaction-list-empty.json")).isUnknownToProvider())
                .as("no transaction with our external_id").isTrue();
        assertThat(c.interpretStatus(pending, new ProviderResponse(500, new byte[0])).isUnknownToProvider()).isFalse();
        assertThat(c.interpretStatus(pending, new ProviderResponse(500, new byte[0])).status()).isNull();
        PaymentSnapshot succeeded = new PaymentSnapshot("pay-1", PaymentType.PAYOUT, PaymentStatus.SUCCEEDED, "tx-9");
        assertThat(c.interpretStatus(succeeded, fixture(200, "transaction-refunded.json")).status()).isEqualTo(PaymentStatus.REVERSED);
    }

    @Test
    void aTransactionLeftUnfundedByACrashNeedsReviewWhenThisBundleFundsItsTransactions() {
        PaymentSnapshot submitted = new PaymentSnapshot("pay-1", PaymentType.PAYOUT, PaymentStatus.SUBMITTED, null);
        var review = connector(true).interpretStatus(submitted, fixture(201, "transaction-initial.json"));
        assertThat(review.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(review.reason().message()).contains("unfunded").contains("fund it or cancel it");
        // Funded elsewhere (by the ERP's own process): an unfunded transaction is just waiting.
        assertThat(connector(false).interpretStatus(submitted, fixture(201, "transaction-initial.json")).status())
                .isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void rulesNameWhatBitPesaWouldRefuse() {
        BitPesaConnector c = connector(true);
        assertThat(c.supports(PaymentType.COLLECTION)).isFalse();
        Customer one = new Customer("+254712345678", null, "Cher", null, null, null, null);
        assertThat(rules(c, payout("p", "10", "KES", "KE", one, SENDER))).containsExactly("bitpesa.recipient.name");
        Customer ug = new Customer("+254712345678", null, "Jane Doe", null, null, null, null);
        assertThat(rules(c, payout("p", "1000", "UGX", "UG", ug, SENDER))).containsExactly("bitpesa.UGX::Mobile.phone-country");
        Customer ugOk = new Customer("+256772123456", null, "Jane Doe", null, null, null, null);
        assertThat(rules(c, payout("p", "1000", "UGX", "UG", ugOk, "{\"operator\":\"safaricom\",\"sender\":{\"external_id\":\"x\"}}")))
                .containsExactly("bitpesa.UGX::Mobile.mobile-provider");
        assertThat(rules(c, payout("p", "10", "ZAR", "ZA", ugOk, SENDER))).containsExactly("bitpesa.payout-method");
        assertThat(rules(c, payout("p", "10", "KES", "KE", new Customer("+254712345678", null, "Jane Doe", null, null, null, null), null)))
                .containsExactly("bitpesa.sender.required");
        Customer bank = new Customer(null, null, "Ada Obi", null, null, "058", "0123456789");
        assertThat(rules(c, payout("p", "5000", "NGN", "NG", bank, SENDER))).isEmpty();
    }

    @Test
    void senderKeyIsDerivedFromEmailWhenTheErpGivesNone() throws Exception {
        BitPesaConnector c = connector(true);
        PaymentCommand noKey = payout("p", "1500", "KES", "KE", new Customer("+254712345678", null, "Jane Doe", null, null, null, null),
                "{\"sender\":{\"email\":\"Email@Domain.com\",\"first_name\":\"E\"}}");
        PaymentCommand lower = payout("q", "1500", "KES", "KE", new Customer("+254712345678", null, "Jane Doe", null, null, null, null),
                "{\"sender\":{\"email\":\"email@domain.com\"}}");
        String first = c.initiate(noKey).url();
        assertThat(first).startsWith(BASE + "/v1/senders?external_id=erp-").hasSize((BASE + "/v1/senders?external_id=erp-").length() + 32);
        assertThat(c.initiate(lower).url()).isEqualTo(first);
        assertThat(first).doesNotContain("domain");
    }

    @Test
    void operatorCancelsATransactionById() {
        BitPesaConnector c = connector(true);
        ProviderRequest cancel = c.operatorActions().get("cancel-transaction")
                .apply("{\"transaction_id\":\"b6648ba3-1c7b-4f59-8580-684899c84a07\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(cancel.method()).isEqualTo("DELETE");
        assertThat(cancel.url()).isEqualTo(BASE + "/v1/transactions/b6648ba3-1c7b-4f59-8580-684899c84a07");
        assertThat(cancel.body()).isNull();
        String canonical = BitPesaAuth.canonical(cancel.headers().get("Authorization-Nonce"), "DELETE", cancel.url(), null);
        assertThat(new BitPesaAuth("key-1", "secret-1").signature(canonical)).isEqualTo(cancel.headers().get("Authorization-Signature"));
        assertThatThrownBy(() -> c.operatorActions().get("cancel-transaction").apply("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transaction_id");
        assertThatThrownBy(() -> c.operatorActions().get("cancel-transaction").apply(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> rules(BitPesaConnector c, PaymentCommand command) {
        return c.check(command).stream().map(Violation::rule).toList();
    }

    @Test
    void bodyHashIsOverTheExactBytesSent() {
        ProviderRequest create = converseTo(kes);
        String canonical = BitPesaAuth.canonical(create.headers().get("Authorization-Nonce"), "POST", create.url(), create.body());
        assertThat(new BitPesaAuth("key-1", "secret-1").signature(canonical)).isEqualTo(create.headers().get("Authorization-Signature"));
        assertThat(new String(create.body(), StandardCharsets.UTF_8)).startsWith("{\"transaction\":{\"input_currency\":\"KES\"");
    }

    private ProviderRequest converseTo(PaymentCommand command) {
        BitPesaConnector c = connector(true);
        List<ProviderCall> calls = new ArrayList<>();
        calls.add(new ProviderCall(c.initiate(command), fixture(200, "sender-list-approved.json")));
        return c.afterInitiation(command, calls).next();
    }
}
