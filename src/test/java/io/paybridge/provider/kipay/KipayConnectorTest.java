package io.paybridge.provider.kipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import io.paybridge.testing.Fixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KipayConnectorTest {
    static final ObjectMapper JSON = Json.newMapper();
    static final String BASE = "https://kipay.example";

    final KipayConnector kipay = new KipayConnector(settings(7L, 1L, null), JSON);

    @Test
    void aPhoneOnlyCustomerGetsAnStkPushWithOurIdAsReference() {
        ProviderRequest r = kipay.initiate(command("pay-1", "1000", "+254712345678", null, null, null));
        assertThat(r.operation()).isEqualTo("stk-push");
        assertThat(r.url()).isEqualTo(BASE + "/api/mpesa/stk-push");
        assertThat(r.headers()).containsEntry("X-API-Key", "kp_key").containsEntry("Content-Type", "application/json");
        assertThat(body(r)).isEqualTo("{\"amount\":1000,\"phone_number\":\"254712345678\",\"payment_channel_id\":7,\"reference\":\"pay-1\"}");
    }

    @Test
    void anEmailOnlyCustomerGetsTheHostedCheckoutAfterBeingMadeKnownToKipay() {
        PaymentCommand c = command("pay-2", "2500.5", null, "jane@example.com", "Jane Wanjiru Doe", null);
        ProviderRequest lookup = kipay.initiate(c);
        assertThat(lookup.operation()).isEqualTo("customer-lookup");
        assertThat(lookup.url()).isEqualTo(BASE + "/api/customers/list?limit=100&search=jane%40example.com");

        Step create = kipay.afterInitiation(c, List.of(new ProviderCall(lookup, ok("customers_list.json"))));
        assertThat(create.next().operation()).isEqualTo("customer-create");
        assertThat(body(create.next())).isEqualTo("{\"email\":\"jane@example.com\",\"first_name\":\"Jane Wanjiru\",\"last_name\":\"Doe\"}");

        Step pay = kipay.afterInitiation(c, List.of(new ProviderCall(lookup, ok("customers_list.json")),
                new ProviderCall(create.next(), new ProviderResponse(201, Fixtures.bytes("kipay/customer_created.json")))));
        assertThat(pay.next().operation()).isEqualTo("initialize");
        assertThat(body(pay.next())).isEqualTo("{\"amount\":2500.50,\"email\":\"jane@example.com\",\"payment_channel_id\":1,"
                + "\"currency\":\"KSH\",\"first_name\":\"Jane Wanjiru\",\"last_name\":\"Doe\"}");

        Step done = kipay.afterInitiation(c, List.of(new ProviderCall(pay.next(), ok("initialize_success.json"))));
        assertThat(done.outcome().customerAction().redirectUrl()).endsWith("/payment/checkout/KIPAY12345678");
        // Remembered: the next payment of this customer goes straight to the money call.
        assertThat(kipay.initiate(command("pay-3", "10", null, "JANE@example.com", null, null)).operation()).isEqualTo("initialize");
    }

    @Test
    void aCustomerKipayAlreadyHoldsIsReusedNotCreated() {
        KipayConnector fresh = new KipayConnector(settings(7L, 1L, null), JSON); // as after a restart
        PaymentCommand c = command("pay-4", "10", null, "customer@example.com", null, null);
        ProviderRequest lookup = fresh.initiate(c);
        Step step = fresh.afterInitiation(c, List.of(new ProviderCall(lookup, ok("customers_list.json"))));
        assertThat(step.next().operation()).isEqualTo("initialize");
    }

    @Test
    void aFailedCustomerCallDoesNotStopThePayment() {
        PaymentCommand c = command("pay-5", "10", null, "x@example.com", null, null);
        ProviderRequest lookup = kipay.initiate(c);
        Step step = kipay.afterInitiation(c, List.of(new ProviderCall(lookup, new ProviderResponse(500, Fixtures.bytes("kipay/error_500.json")))));
        assertThat(step.next().operation()).isEqualTo("initialize");
        assertThat(kipay.initiate(c).operation()).isEqualTo("customer-lookup"); // not remembered: asked again next time
    }

    @Test
    void theChannelRule() {
        KipayConnector checkoutFirst = new KipayConnector(settings(7L, 1L, "checkout"), JSON);
        PaymentCommand both = command("p", "10", "+254712345678", "a@b.co", null, null);
        assertThat(KipayRules.channel(both, settings(7L, 1L, null))).isEqualTo("stk");
        assertThat(KipayRules.channel(both, settings(7L, 1L, "checkout"))).isEqualTo("checkout");
        assertThat(KipayRules.channel(command("p", "10", "+254712345678", "a@b.co", null, "CHECKOUT"), settings(7L, 1L, null))).isEqualTo("checkout");
        assertThat(checkoutFirst.check(command("p", "10", null, null, null, "stk"))).extracting(Violation::rule)
                .containsExactly("kipay.phone.required");
    }

    @Test
    void rulesAreCheckedBeforeSending() {
        assertThat(rules(kipay, command("p", "10.5", "+254712345678", null, null, null))).containsExactly("kipay.amount.whole-shillings");
        assertThat(rules(kipay, command("p", "0", "+254712345678", null, null, null))).containsExactly("kipay.stk.minimum");
        assertThat(rules(kipay, command("p", "10", "+256712345678", null, null, null))).containsExactly("kipay.phone.kenyan-mobile");
        assertThat(rules(kipay, command("p", "10", null, null, null, "checkout"))).containsExactly("kipay.email.required");
        assertThat(rules(kipay, command("p", "10", null, null, null, "c2b"))).containsExactly("kipay.channel");
        assertThat(rules(kipay, command("p", "10.25", null, "a@b.co", null, null))).isEmpty();
        KipayConnector stkOnly = new KipayConnector(settings(7L, null, null), JSON);
        assertThat(rules(stkOnly, command("p", "10", null, "a@b.co", null, null))).containsExactly("kipay.channel.configured");
        PaymentCommand usd = new PaymentCommand("p", PaymentType.COLLECTION, "kipay", BigDecimal.TEN, "USD", "KE",
                new Customer("+254712345678", null, null, null, null, null, null), null, null, null);
        assertThat(rules(kipay, usd)).containsExactly("kipay.currency");
    }

    @Test
    void kipayOffersNoPayouts() {
        assertThat(kipay.supports(PaymentType.PAYOUT)).isFalse();
        assertThat(kipay.supports(PaymentType.COLLECTION)).isTrue();
        assertThat(new KipayConnector(settings(null, null, null), JSON).supports(PaymentType.COLLECTION)).isFalse();
    }

    @Test
    void statusIsAskedByKipaysReferenceThroughTheMatchingEndpoint() {
        assertThat(kipay.statusQuery(snapshot("KIPAY12345678")).orElseThrow().url()).isEqualTo(BASE + "/api/transactions/verify/KIPAY12345678");
        assertThat(kipay.statusQuery(snapshot("MPESA12345678")).orElseThrow().url()).isEqualTo(BASE + "/api/mpesa/stk-status/MPESA12345678");
        assertThat(kipay.statusQuery(snapshot(null))).isEmpty();
        assertThat(kipay.interpretStatus(snapshot("MPESA12345678"), ok("stk_status_completed.json")).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(kipay.interpretStatus(snapshot("MPESA12345678"), new ProviderResponse(404, Fixtures.bytes("kipay/error_404.json")))
                .providerStatus()).isEqualTo("NOT_FOUND");
    }

    @Test
    void errorsOfTheMoneyCallBecomeOutcomes() {
        PaymentCommand c = command("p", "10", "+254712345678", null, null, null);
        Step step = kipay.afterInitiation(c, List.of(new ProviderCall(kipay.initiate(c), new ProviderResponse(401, Fixtures.bytes("kipay/error_401.json")))));
        assertThat(step.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(step.outcome().reason().code()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(kipay.isRetryable(new ProviderResponse(429, new byte[0]))).isTrue();
    }

    @Test
    void operatorQueriesAndActions() {
        assertThat(kipay.operatorQuery("transactions", Map.of("status", "failed", "date_from", "2025-04-01", "page", "2")).orElseThrow().url())
                .isEqualTo(BASE + "/api/transactions/list?page=2&status=failed&date_from=2025-04-01");
        assertThatThrownBy(() -> kipay.operatorQuery("transactions", Map.of("date_to", "April"))).hasMessageContaining("date_to must be YYYY-MM-DD");
        assertThatThrownBy(() -> kipay.operatorQuery("transactions", Map.of("reference", "x"))).hasMessageContaining("unknown parameter 'reference'");
        assertThat(kipay.operatorQuery("channels", Map.of()).orElseThrow().url()).isEqualTo(BASE + "/api/payment-channels/list?active_only=true");

        ProviderRequest c2b = kipay.operatorActions().get("register-c2b-urls").apply(
                "{\"confirmation_url\":\"https://erp.example/c\",\"validation_url\":\"https://erp.example/v\"}".getBytes());
        assertThat(body(c2b)).isEqualTo("{\"payment_channel_id\":7,\"confirmation_url\":\"https://erp.example/c\",\"validation_url\":\"https://erp.example/v\"}");
        assertThatThrownBy(() -> kipay.operatorActions().get("register-c2b-urls").apply(new byte[0])).hasMessageContaining("confirmation_url is required");
        ProviderRequest sim = kipay.operatorActions().get("simulate-c2b").apply(
                "{\"amount\":1000,\"phone_number\":\"254712345678\",\"reference\":\"TEST_TRANSACTION\"}".getBytes());
        assertThat(sim.url()).isEqualTo(BASE + "/api/mpesa/simulate-c2b");
        assertThat(body(sim)).isEqualTo("{\"payment_channel_id\":7,\"amount\":1000,\"phone_number\":\"254712345678\",\"reference\":\"TEST_TRANSACTION\"}");
        assertThatThrownBy(() -> kipay.operatorActions().get("simulate-c2b").apply("{\"amount\":\"1000\"}".getBytes()))
                .hasMessageContaining("amount must be a positive number");
        assertThatThrownBy(() -> kipay.operatorActions().get("simulate-c2b").apply("[1]".getBytes())).hasMessageContaining("JSON object");
    }

    @Test
    void settingsNeverPrintTheirSecrets() {
        assertThat(settings(7L, 1L, null).toString()).doesNotContain("kp_key").doesNotContain("kp_secret");
    }

    private static List<String> rules(KipayConnector connector, PaymentCommand command) {
        return connector.check(command).stream().map(Violation::rule).toList();
    }

    static KipaySettings settings(Long mpesa, Long checkout, String defaultChannel) {
        return new KipaySettings(BASE + "/", "kp_key", "kp_secret", mpesa, checkout, defaultChannel, null, null);
    }

    static PaymentCommand command(String id, String amount, String phone, String email, String name, String channel) {
        ObjectNode metadata = channel == null ? null : JSON.createObjectNode().put("kipayChannel", channel);
        return new PaymentCommand(id, PaymentType.COLLECTION, "kipay", new BigDecimal(amount), "KES", "KE",
                new Customer(phone, email, name, null, null, null, null), null, metadata, null);
    }

    static PaymentSnapshot snapshot(String reference) {
        return new PaymentSnapshot("id", PaymentType.COLLECTION, PaymentStatus.PENDING, reference);
    }

    static ProviderResponse ok(String fixture) {
        return new ProviderResponse(200, Fixtures.bytes("kipay/" + fixture));
    }

    static String body(ProviderRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }
}
