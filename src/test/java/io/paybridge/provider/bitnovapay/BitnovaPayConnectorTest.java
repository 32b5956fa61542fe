package io.paybridge.provider.bitnovapay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.config.Json;
import io.paybridge.dispatch.FailureClass;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.LostAnswerLookup;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import io.paybridge.testing.Fixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitnovaPayConnectorTest {
    static final ObjectMapper JSON = Json.newMapper();
    static final String BASE = "https://pay.example";

    final BitnovaPayConnector gateway = connector(settings("gateway", null, null, null));

    @Test
    void mpesaGoesToTheSmartGatewayWithTheBusinessKeyAndOurIdInTheDescription() {
        ProviderRequest r = gateway.initiate(command("pay-1", PaymentType.COLLECTION, "1500", "+254712345678", null, null));
        assertThat(r.operation()).isEqualTo("payment-mpesa");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.url()).isEqualTo(BASE + "/api/v2/payment");
        assertThat(r.headers()).containsEntry("Authorization", "Bearer bsk_test").containsEntry("Content-Type", "application/json");
        assertThat(body(r)).isEqualTo("{\"method\":\"mpesa\",\"amount\":1500,\"phone\":\"254712345678\",\"description\":\"pay-1\"}");
    }

    @Test
    void cardGoesToTheSmartGatewayWithTwoDecimalsAndTheDescriptionKeepsBothTexts() {
        PaymentCommand card = command("pay-2", PaymentType.COLLECTION, "2500.5", null, "jane@example.com", "card");
        card = new PaymentCommand(card.id(), card.type(), card.provider(), card.amount(), card.currency(), card.country(), card.customer(),
                "Order 7", card.metadata(), null);
        assertThat(body(gateway.initiate(card)))
                .isEqualTo("{\"method\":\"card\",\"amount\":2500.50,\"description\":\"Order 7 [pay-2]\",\"payer_email\":\"jane@example.com\"}");
    }

    @Test
    void withdrawalsUseThePersonalKey() {
        ProviderRequest r = gateway.initiate(command("out-1", PaymentType.PAYOUT, "500", "+254712345678", null, null));
        assertThat(r.url()).isEqualTo(BASE + "/api/v1/withdraw");
        assertThat(r.headers()).containsEntry("Authorization", "Bearer pk_test");
        assertThat(body(r)).isEqualTo("{\"amount\":500,\"method\":\"mpesa\",\"account\":\"254712345678\"}");
        PaymentCommand bank = new PaymentCommand("out-2", PaymentType.PAYOUT, "bitnovapay", new BigDecimal("1000"), "KES", "KE",
                new Customer(null, null, "Jane", null, null, "01", "0123456789"), null, null, null);
        assertThat(body(gateway.initiate(bank))).isEqualTo("{\"amount\":1000,\"method\":\"bank\",\"account\":\"0123456789\"}");
    }

    @Test
    void directPayByIdGoesStraightToStkPush() {
        BitnovaPayConnector direct = connector(settings("direct", "4", null, null));
        ProviderRequest r = direct.initiate(command("short-id", PaymentType.COLLECTION, "500", "+254712345678", null, null));
        assertThat(r.url()).isEqualTo(BASE + "/api/v1/stk-push");
        assertThat(body(r)).isEqualTo("{\"channel_id\":4,\"amount\":500,\"phone\":\"254712345678\",\"description\":\"short-id\"}");
    }

    @Test
    void directPayByLabelListsThenCreatesTheChannelOnceThenPushes() {
        BitnovaPayConnector direct = connector(settings("direct", "Paybridge Till", "till", "555000"));
        PaymentCommand first = command("a-payment-id-longer-than-20", PaymentType.COLLECTION, "500", "+254712345678", null, null);
        ProviderRequest list = direct.initiate(first);
        assertThat(list.operation()).isEqualTo("channels");
        assertThat(list.method()).isEqualTo("GET");

        Step create = direct.afterInitiation(first, List.of(new ProviderCall(list, ok("channels.json"))));
        assertThat(create.next().operation()).isEqualTo("create-channel");
        assertThat(body(create.next())).isEqualTo("{\"label\":\"Paybridge Till\",\"type\":\"till\",\"shortcode\":\"555000\"}");

        ProviderResponse created = new ProviderResponse(201, "{\"data\":{\"id\":12,\"label\":\"Paybridge Till\"}}".getBytes());
        Step push = direct.afterInitiation(first, List.of(new ProviderCall(list, ok("channels.json")), new ProviderCall(create.next(), created)));
        assertThat(push.next().operation()).isEqualTo("stk-push");
        // The id does not fit Direct Pay's 20 characters and the command has no description: none is sent.
        assertThat(body(push.next())).isEqualTo("{\"channel_id\":12,\"amount\":500,\"phone\":\"254712345678\"}");

        Step done = direct.afterInitiation(first, List.of(new ProviderCall(push.next(), ok("stk_push_pending.json"))));
        assertThat(done.outcome().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(direct.initiate(command("next", PaymentType.COLLECTION, "9", "+254712345678", null, null)).operation()).isEqualTo("stk-push");
    }

    @Test
    void aMissingChannelWithNothingToCreateItFailsBeforeAnyMoneyCall() {
        BitnovaPayConnector direct = connector(settings("direct", "KCB", null, null));
        PaymentCommand c = command("p", PaymentType.COLLECTION, "500", "+254712345678", null, null);
        Step step = direct.afterInitiation(c, List.of(new ProviderCall(direct.initiate(c), ok("channels.json"))));
        assertThat(step.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(step.outcome().reason().message()).contains("'KCB' is not listed");
        Step unavailable = direct.afterInitiation(c, List.of(new ProviderCall(direct.initiate(c),
                new ProviderResponse(503, "{\"error\":\"down\",\"code\":503}".getBytes()))));
        assertThat(unavailable.outcome().status()).isEqualTo(PaymentStatus.FAILED); // the listing moved no money
    }

    @Test
    void answersBecomeOutcomes() {
        PaymentCommand card = command("c", PaymentType.COLLECTION, "10", null, "a@b.co", "paypal");
        ProviderRequest sent = gateway.initiate(card);
        Step step = gateway.afterInitiation(card, List.of(new ProviderCall(sent, ok("payment_redirect_paypal.json"))));
        assertThat(step.outcome().customerAction().type()).isEqualTo("REDIRECT");
        Step refused = gateway.afterInitiation(card, List.of(new ProviderCall(sent,
                new ProviderResponse(401, Fixtures.bytes("bitnovapay/error_401.json")))));
        assertThat(refused.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(refused.outcome().reason().code()).isEqualTo("AUTHENTICATION_FAILED");
    }

    @Test
    void statusIsAskedByReferenceInTheRightNamespaceElseByTheListing() {
        assertThat(gateway.statusQuery(snapshot(PaymentType.COLLECTION, "MDA-1")).orElseThrow().url()).isEqualTo(BASE + "/api/v1/payment/MDA-1");
        ProviderRequest v2 = gateway.statusQuery(snapshot(PaymentType.COLLECTION, "BNP-1")).orElseThrow();
        assertThat(v2.url()).isEqualTo(BASE + "/api/v2/payment/BNP-1");
        assertThat(v2.headers()).containsEntry("Authorization", "Bearer bsk_test");
        assertThat(gateway.statusQuery(snapshot(PaymentType.PAYOUT, "WD-1")).orElseThrow().url()).isEqualTo(BASE + "/api/v1/withdrawals/WD-1");
        assertThat(gateway.statusQuery(snapshot(PaymentType.COLLECTION, null)).orElseThrow().url())
                .isEqualTo(BASE + "/api/v1/transactions?page=1&per_page=100");
        assertThat(gateway.statusQuery(snapshot(PaymentType.PAYOUT, null))).isEmpty();

        assertThat(gateway.interpretStatus(snapshot(PaymentType.COLLECTION, "BNP-1"), ok("status_completed.json")).status())
                .isEqualTo(PaymentStatus.SUCCEEDED);
        var lost = new PaymentSnapshot("pay-42", PaymentType.COLLECTION, PaymentStatus.NEEDS_REVIEW, null);
        assertThat(gateway.interpretStatus(lost, ok("transactions_page.json")).providerReference()).isEqualTo("BNP-AAAAAAAAAA");
        assertThat(gateway.interpretStatus(lost, new ProviderResponse(404, new byte[0])).status()).isNull();
    }

    @Test
    void onlyTooManyRequestsIsRetriedA500MayHaveTakenThePayment() {
        for (int code : new int[] {400, 401, 403, 404, 500, 502, 503}) {
            assertThat(gateway.isRetryable(new ProviderResponse(code, new byte[0]))).as("HTTP %d", code).isFalse();
        }
        assertThat(gateway.isRetryable(new ProviderResponse(429, new byte[0]))).isTrue();
        assertThat(FailureClass.of(gateway, new ProviderResponse(500, new byte[0]))).isEqualTo(FailureClass.AMBIGUOUS);
    }

    @Test
    void aLostWithdrawalCannotBeLookedUpALostCollectionIsSearchedInTheListing() {
        assertThat(gateway.lostAnswerLookup(snapshot(PaymentType.PAYOUT, null))).isInstanceOf(LostAnswerLookup.None.class);
        assertThat(gateway.lostAnswerLookup(snapshot(PaymentType.COLLECTION, null))).isInstanceOf(LostAnswerLookup.Query.class);
        var lost = new PaymentSnapshot("pay-unlisted", PaymentType.COLLECTION, PaymentStatus.SUBMITTED, null);
        Outcome notListed = gateway.interpretStatus(lost, ok("transactions_page.json"));
        assertThat(notListed.status()).isNull();
        assertThat(notListed.isUnknownToProvider()).as("newest 100 cannot prove absence").isFalse();
    }

    @Test
    void registersItsWebhookAtStartUpAndVerifiesWithTheSecretItGetsBack() {
        BitnovaPayConnector c = connector(settings("gateway", null, null, null));
        List<ProviderRequest> startup = c.startupRequests();
        assertThat(startup).hasSize(1);
        assertThat(startup.get(0).url()).isEqualTo(BASE + "/api/v1/webhooks");
        assertThat(body(startup.get(0))).isEqualTo("{\"url\":\"https://erp.example/callbacks/bitnovapay\",\"events\":"
                + "[\"payment.success\",\"payment.failed\",\"withdrawal.success\",\"withdrawal.failed\"],\"source\":\"api\"}");
        byte[] event = Fixtures.bytes("bitnovapay/webhook_payment_success.json");
        String signature = BitnovaPayWebhookVerifier.signatureFor(event, "whsec_xxxxxxxxxxxxxxxx");
        CallbackHeaders headers = new CallbackHeaders(Map.of("X-BitnovaPay-Signature", signature));
        assertThat(c.webhookVerifier().verify(event, headers).valid()).isFalse();
        c.startupAnswered(startup.get(0), ok("webhook_registered.json"));
        assertThat(c.webhookVerifier().verify(event, headers).valid()).isTrue();
        assertThat(connector(new BitnovaPaySettings(BASE, "pk_test", "bsk_test", null, null, null, null, null, null, null))
                .startupRequests()).isEmpty();
    }

    @Test
    void rulesAreCheckedBeforeSending() {
        assertThat(rules(command("p", PaymentType.PAYOUT, "99", "+254712345678", null, null))).containsExactly("bitnovapay.withdrawal.minimum");
        assertThat(rules(command("p", PaymentType.PAYOUT, "100", "+254712345678", null, null))).isEmpty();
        assertThat(rules(command("p", PaymentType.COLLECTION, "10.50", "+254712345678", null, null))).containsExactly("bitnovapay.amount.whole-shillings");
        assertThat(rules(command("p", PaymentType.COLLECTION, "10", "+255712345678", null, null))).containsExactly("bitnovapay.phone.kenyan-mobile");
        assertThat(rules(command("p", PaymentType.COLLECTION, "10", null, null, null))).containsExactly("bitnovapay.phone.required");
        assertThat(rules(command("p", PaymentType.COLLECTION, "10", null, null, "bitcoin"))).containsExactly("bitnovapay.method");
        assertThat(rules(command("p", PaymentType.PAYOUT, "500", null, null, "crypto"))).containsExactly("bitnovapay.method");
        assertThat(rules(command("p", PaymentType.PAYOUT, "500", null, null, "paypal"))).containsExactly("bitnovapay.withdrawal.paypal-email");
        assertThat(rules(command("p", PaymentType.PAYOUT, "500", null, null, "bank"))).containsExactly("bitnovapay.withdrawal.bank-account");
        assertThat(rules(command("p", PaymentType.PAYOUT, "500", null, null, null))).containsExactly("bitnovapay.withdrawal.account");
        assertThat(rules(command("p", PaymentType.COLLECTION, "0.5", null, "a@b.co", "card"))).isEmpty();
        PaymentCommand usd = new PaymentCommand("p", PaymentType.COLLECTION, "bitnovapay", BigDecimal.TEN, "USD", "KE",
                new Customer("+254712345678", null, null, null, null, null, null), null, null, null);
        assertThat(rules(usd)).containsExactly("bitnovapay.currency");
    }

    @Test
    void operatorQueriesTakeTheListingFilters() {
        ProviderRequest r = gateway.operatorQuery("transactions", Map.of("status", "failed", "module", "A", "page", "2")).orElseThrow();
        assertThat(r.url()).isEqualTo(BASE + "/api/v1/transactions?status=failed&module=A&page=2");
        assertThatThrownBy(() -> gateway.operatorQuery("transactions", Map.of("per_page", "101"))).hasMessageContaining("per_page");
        assertThatThrownBy(() -> gateway.operatorQuery("transactions", Map.of("sort", "asc"))).hasMessageContaining("unknown parameter 'sort'");
        assertThat(gateway.operatorQuery("balance", Map.of()).orElseThrow().url()).isEqualTo(BASE + "/api/v1/balance");
        assertThat(gateway.operatorQuery("refunds", Map.of())).isEmpty();
    }

    @Test
    void settingsNeverPrintTheirSecrets() {
        assertThat(settings("gateway", null, null, null).toString()).doesNotContain("pk_test").doesNotContain("bsk_test");
    }

    private List<String> rules(PaymentCommand command) {
        return gateway.check(command).stream().map(Violation::rule).toList();
    }

    static BitnovaPaySettings settings(String mode, String channel, String type, String shortcode) {
        return new BitnovaPaySettings(BASE + "/", "pk_test", "bsk_test", mode, channel, type, shortcode,
                "https://erp.example/callbacks/bitnovapay", null, null);
    }

    static BitnovaPayConnector connector(BitnovaPaySettings settings) {
        return new BitnovaPayConnector(settings, JSON, Clock.fixed(Instant.ofEpochSecond(1735689600), ZoneOffset.UTC));
    }

    static PaymentCommand command(String id, PaymentType type, String amount, String phone, String email, String method) {
        ObjectNode metadata = method == null ? null : JSON.createObjectNode().put("bitnovapayMethod", method);
        return new PaymentCommand(id, type, "bitnovapay", new BigDecimal(amount), "KES", "KE",
                new Customer(phone, email, null, null, null, null, null), null, metadata, null);
    }

    static PaymentSnapshot snapshot(PaymentType type, String reference) {
        return new PaymentSnapshot("id", type, PaymentStatus.PENDING, reference);
    }

    static ProviderResponse ok(String fixture) {
        return new ProviderResponse(200, Fixtures.bytes("bitnovapay/" + fixture));
    }

    static String body(ProviderRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }
}
