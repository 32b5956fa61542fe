package io.paybridge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {
    final RoutingRules rules = RoutingRules.parse("KE/KES/COLLECTION=kipay, KE/KES/*=bluepay, */NGN/PAYOUT=bitpesa");

    @Test
    void firstMatchingRuleWins() {
        assertThat(rules.providerFor(command("KE", "KES", PaymentType.COLLECTION))).contains("kipay");
        assertThat(rules.providerFor(command("KE", "KES", PaymentType.PAYOUT))).contains("bluepay");
        assertThat(rules.providerFor(command("NG", "NGN", PaymentType.PAYOUT))).contains("bitpesa");
        assertThat(rules.providerFor(command("NG", "NGN", PaymentType.COLLECTION))).isEmpty();
    }

    @Test
    void aMalformedRuleFailsStartUpQuotingIt() {
        assertThatThrownBy(() -> RoutingRules.parse("KE/KES=bluepay"))
                .hasMessageContaining("'KE/KES=bluepay'").hasMessageContaining("COUNTRY/CURRENCY/TYPE=provider");
    }

    private static PaymentCommand command(String country, String currency, PaymentType type) {
        return new PaymentCommand("x", type, null, BigDecimal.TEN, currency, country, null, null, null, null);
    }
}
