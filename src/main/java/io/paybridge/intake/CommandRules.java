package io.paybridge.intake;

import io.paybridge.model.Violation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Contract rules JSON Schema cannot express: real currency and country codes, amount sign and scale. */
final class CommandRules {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private CommandRules() {
    }

    static void checkCurrency(String code, List<Violation> out) {
        if (currency(code) == null) {
            out.add(new Violation("currency", "iso-4217", "'" + code + "' is not an ISO 4217 currency code"));
        }
    }

    static void checkCountry(String code, List<Violation> out) {
        if (!COUNTRIES.contains(code)) {
            out.add(new Violation("country", "iso-3166", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
        }
    }

    /** Positive, and no finer than the currency's minor unit (KES 2 decimals, UGX none). */
    static void checkAmount(BigDecimal amount, String currencyCode, List<Violation> out) {
        if (amount.signum() <= 0) {
            out.add(new Violation("amount", "positive", "amount must be greater than zero"));
            return;
        }
        Currency currency = currency(currencyCode);
        int minorUnits = currency == null ? -1 : currency.getDefaultFractionDigits();
        if (minorUnits >= 0 && amount.stripTrailingZeros().scale() > minorUnits) {
            out.add(new Violation("amount", "minor-units", currencyCode + " allows " + minorUnits
                    + " decimal place" + (minorUnits == 1 ? "" : "s") + ", got " + amount.toPlainString()));
        }
    }

    private static Currency currency(String code) {
        try {
            return code == null ? null : Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
