package io.paybridge.dispatch;

import io.paybridge.model.PaymentCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a provider for a command that names none, from configuration such as
 * {@code KE/KES/COLLECTION=bluepay, KE/KES/*=bluepay, NG/*\/PAYOUT=bitpesa}: country, currency
 * and type, {@code *} matching anything, the first matching rule winning.
 */
public final class RoutingRules {
    private record Rule(String country, String currency, String type, String provider) {
        boolean matches(PaymentCommand c) {
            return any(country, c.country()) && any(currency, c.currency()) && any(type, c.type().name());
        }

        private static boolean any(String pattern, String value) {
            return "*".equals(pattern) || pattern.equalsIgnoreCase(value);
        }
    }

    private final List<Rule> rules;

    private RoutingRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** Parses the configuration text; a malformed rule fails start-up with the rule quoted. */
    public static RoutingRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split(",")) {
                String trimmed = entry.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] sides = trimmed.split("=");
                String[] keys = sides[0].trim().split("/");
                if (sides.length != 2 || keys.length != 3 || sides[1].isBlank()) {
                    throw new IllegalArgumentException("paybridge.routing.rules: '" + trimmed
                            + "' is not COUNTRY/CURRENCY/TYPE=provider (use * for any)");
                }
                rules.add(new Rule(keys[0].trim(), keys[1].trim(), keys[2].trim(), sides[1].trim()));
            }
        }
        return new RoutingRules(List.copyOf(rules));
    }

    public Optional<String> providerFor(PaymentCommand command) {
        return rules.stream().filter(r -> r.matches(command)).map(Rule::provider).findFirst();
    }
}
