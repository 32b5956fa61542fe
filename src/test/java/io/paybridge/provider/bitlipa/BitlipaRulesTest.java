package io.paybridge.provider.bitlipa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Catalog rules and routing: each refusal names the gateway rule it breaks. */
class BitlipaRulesTest {
    static final ObjectMapper JSON = Json.newMapper();
    private final BitlipaCatalog catalog = BitlipaCatalog.load(JSON);
    private final BitlipaRules rules = new BitlipaRules(catalog, new BitlipaRouting(catalog, Map.of("GH.mtn", 2063)));

    static PaymentCommand command(PaymentType type, String amount, String currency, String country, Customer customer, String metadata) {
        try {
            ObjectNode meta = metadata == null ? null : (ObjectNode) JSON.readTree(metadata);
            return new PaymentCommand("pay-1", type, "bitlipa", new BigDecimal(amount), currency, country, customer, null, meta, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Customer phone(String e164, String name, String email) {
        return new Customer(e164, email, name, null, null, null, null);
    }

    private List<String> ruleNames(PaymentCommand command) {
        return rules.check(command).violations().stream().map(Violation::rule).toList();
    }

    @Test
    void kenyanCollectionPlansPhoneAndExtras() {
        var checked = rules.check(command(PaymentType.COLLECTION, "150", "KES", "KE", phone("+254712345678", "Jane Doe", "j@x.io"), null));
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.plan().selection().providerId()).isEqualTo(199);
        assertThat(checked.plan().customerId()).isEqualTo("254712345678");
        assertThat(checked.plan().extra()).containsExactly(Map.entry("customer_name", "Jane Doe"), Map.entry("customer_email", "j@x.io"));
    }

    @Test
    void amountRangePerCountryAndOperation() {
        assertThat(ruleNames(command(PaymentType.PAYOUT, "499", "KES", "KE", new Customer("+254712345678", null, "J D", "national_id",
                "1", null, null), null))).containsExactly("bitlipa.KE.b2c.amount-range");
        assertThat(ruleNames(command(PaymentType.COLLECTION, "5000.01", "GHS", "GH", phone("+233241234567", "A B", "a@b.io"), null)))
                .containsExactly("bitlipa.GH.c2b.amount-range");
        assertThat(ruleNames(command(PaymentType.PAYOUT, "9.99", "GHS", "GH", phone("+233241234567", "A B", null), null)))
                .containsExactly("bitlipa.GH.b2c.amount-range");
        // "No Limit" in Rwanda
        assertThat(ruleNames(command(PaymentType.PAYOUT, "99999999", "RWF", "RW", phone("+250781234567", "A B", null), null))).isEmpty();
    }

    @Test
    void countryAndCurrencyMustBeServed() {
        assertThat(ruleNames(command(PaymentType.COLLECTION, "10", "EGP", "EG", phone("+201001234567", "A B", null), null)))
                .containsExactly("bitlipa.country");
        assertThat(ruleNames(command(PaymentType.COLLECTION, "10", "USD", "KE", phone("+254712345678", "A B", "a@b.io"), null)))
                .containsExactly("bitlipa.KE.currency");
    }

    @Test
    void requiredExtrasNameTheCanonicalField() {
        List<Violation> found = rules.check(command(PaymentType.COLLECTION, "10", "KES", "KE", phone("+254712345678", null, null), null))
                .violations();
        assertThat(found).extracting(Violation::field).containsExactly("customer.name", "customer.email");
        assertThat(found).extracting(Violation::rule)
                .containsExactly("bitlipa.KE.199.c2b.extra.customer_name", "bitlipa.KE.199.c2b.extra.customer_email");
    }

    @Test
    void documentTypeMustBeAnAllowedValue() {
        Customer customer = new Customer("+254712345678", null, "Jane Doe", "passport", "A1", null, null);
        assertThat(ruleNames(command(PaymentType.PAYOUT, "600", "KES", "KE", customer, null)))
                .containsExactly("bitlipa.KE.199.b2c.customer_doc_type.allowed");
        Customer ok = new Customer("+254712345678", null, "Jane Doe", "intl_passport", "A1", null, null);
        assertThat(rules.check(command(PaymentType.PAYOUT, "600", "KES", "KE", ok, null)).plan().extra())
                .containsEntry("customer_doc_type", "intl_passport").containsEntry("customer_doc_number", "A1");
    }

    @Test
    void routingByOperatorPrefixAndPin() {
        // several operators in Ghana: metadata.operator chooses, the pin picks 2063 for MTN
        var mtn = rules.check(command(PaymentType.PAYOUT, "20", "GHS", "GH", phone("+233201234567", "A B", null), "{\"operator\":\"MTN\"}"));
        assertThat(mtn.plan().selection().providerId()).isEqualTo(2063);
        // no operator named: the number's prefix (20 = Vodafone) decides
        var byPrefix = rules.check(command(PaymentType.PAYOUT, "20", "GHS", "GH", phone("+233201234567", "A B", null), null));
        assertThat(byPrefix.plan().selection().providerId()).isEqualTo(198);
        // explicit id wins
        var explicit = rules.check(command(PaymentType.PAYOUT, "20", "GHS", "GH", phone("+233201234567", "A B", null),
                "{\"bitlipa_provider_id\":2064}"));
        assertThat(explicit.plan().selection().providerId()).isEqualTo(2064);
        // Senegal has no prefix data: the operator must be named
        assertThat(ruleNames(command(PaymentType.PAYOUT, "200", "XOF", "SN", phone("+221771234567", "A B", null), null)))
                .containsExactly("bitlipa.SN.operator");
        assertThat(ruleNames(command(PaymentType.PAYOUT, "200", "XOF", "SN", phone("+221771234567", "A B", null),
                "{\"operator\":\"mtn\"}"))).containsExactly("bitlipa.SN.operator");
        assertThat(ruleNames(command(PaymentType.PAYOUT, "200", "XOF", "SN", phone("+221771234567", "A B", null),
                "{\"bitlipa_provider_id\":199}"))).containsExactly("bitlipa.SN.provider-id");
    }

    @Test
    void phoneFormatPerCountryAndOperator() {
        assertThat(ruleNames(command(PaymentType.PAYOUT, "20", "GHS", "GH", phone("+254712345678", "A B", null), "{\"operator\":\"mtn\"}")))
                .containsExactly("bitlipa.GH.phone-format");
        var airtel = rules.check(command(PaymentType.COLLECTION, "500", "CDF", "CD", phone("+243991234567", null, null), null));
        assertThat(airtel.plan().selection().providerId()).isEqualTo(2078);
        assertThat(airtel.plan().customerId()).isEqualTo("991234567");
        var orange = rules.check(command(PaymentType.COLLECTION, "500", "CDF", "CD", phone("+243841234567", null, null), null));
        assertThat(orange.plan().customerId()).isEqualTo("0841234567");
    }

    @Test
    void bankPayoutsUseTheAccountAndBankCode() {
        Customer bank = new Customer(null, null, "Ada Obi", null, null, "000001", "0123456789");
        var ng = rules.check(command(PaymentType.PAYOUT, "1000", "NGN", "NG", bank, null));
        assertThat(ng.violations()).isEmpty();
        assertThat(ng.plan().customerId()).isEqualTo("0123456789");
        assertThat(ng.plan().extra()).containsExactly(Map.entry("customer_name", "Ada Obi"), Map.entry("bank_code", "000001"));
        Customer noAccount = new Customer(null, null, "Ada Obi", null, null, "000001", null);
        assertThat(ruleNames(command(PaymentType.PAYOUT, "1000", "NGN", "NG", noAccount, null)))
                .as("without an account the bank channel cannot be inferred").containsExactly("bitlipa.NG.operator");
        assertThat(ruleNames(command(PaymentType.PAYOUT, "1000", "NGN", "NG", noAccount, "{\"operator\":\"banktransfer\"}")))
                .containsExactly("bitlipa.NG.5008.b2c.account");
        assertThat(ruleNames(command(PaymentType.COLLECTION, "1000", "NGN", "NG", new Customer(null, "a@b.io", null, null, null, null, null),
                "{\"operator\":\"palmpay\"}"))).contains("bitlipa.NG.5010.c2b.hosted-page-only");
        Customer za = new Customer("+27821234567", "z@a.co", "Zola Ndlovu", null, null, "FNB", "62000000000");
        var south = rules.check(command(PaymentType.PAYOUT, "50", "ZAR", "ZA", za, "{\"customer_address\":\"1 Long St\"}"));
        assertThat(south.plan().extra().keySet())
                .containsExactly("bank_code", "customer_name", "customer_email", "customer_phone", "customer_address");
        assertThat(south.plan().extra()).containsEntry("customer_phone", "0821234567");
    }

    @Test
    void testProviderFourteenIsAcceptedWhenNamed() {
        var test = rules.check(command(PaymentType.COLLECTION, "100", "KES", "KE", phone("+254712345678", null, null),
                "{\"bitlipa_provider_id\":\"14\"}"));
        assertThat(test.violations()).isEmpty();
        assertThat(test.plan().selection().test()).isTrue();
    }
}
