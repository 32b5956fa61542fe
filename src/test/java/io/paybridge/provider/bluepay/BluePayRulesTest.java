package io.paybridge.provider.bluepay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BluePay's documented limits, checked before any call: STK KES 1–250,000; B2C KES 10–1,000,000; whole shillings; Kenyan mobiles. */
class BluePayRulesTest {

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource({
            "COLLECTION, 1,         KES, +254712345678, ",
            "COLLECTION, 250000,    KES, +254712345678, ",
            "COLLECTION, 0.99,      KES, +254712345678, bluepay.amount.whole-shillings",
            "COLLECTION, 250001,    KES, +254712345678, bluepay.stk.amount-range",
            "PAYOUT,     10,        KES, +254112345678, ",
            "PAYOUT,     9,         KES, +254712345678, bluepay.b2c.amount-range",
            "PAYOUT,     1000000,   KES, +254712345678, ",
            "PAYOUT,     1000001,   KES, +254712345678, bluepay.b2c.amount-range",
            "PAYOUT,     100.50,    KES, +254712345678, bluepay.amount.whole-shillings",
            "PAYOUT,     100.00,    KES, +254712345678, ",
            "PAYOUT,     100,       UGX, +254712345678, bluepay.currency",
            "PAYOUT,     100,       KES, +256712345678, bluepay.phone.kenyan-mobile",
            "PAYOUT,     100,       KES, +254202345678, bluepay.phone.kenyan-mobile",
    })
    void checksDocumentedLimits(PaymentType type, String amount, String currency, String phone, String expectedRule) {
        var command = new PaymentCommand("P1", type, "bluepay", new BigDecimal(amount), currency, "KE",
                new Customer(phone, null, null, null, null, null, null), null, null, null);
        var rules = BluePayRules.check(command).stream().map(Violation::rule).toList();
        if (expectedRule == null) {
            assertThat(rules).isEmpty();
        } else {
            assertThat(rules).contains(expectedRule);
        }
    }
}
