package io.paybridge.provider.bitlipa;

import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import io.paybridge.provider.bitlipa.BitlipaCatalog.C2bFlow;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Country;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Limits;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Operation;
import io.paybridge.provider.bitlipa.BitlipaRouting.Selection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a command against the catalog and, when it passes, plans the request: which gateway
 * provider id, the {@code customer_id} and the {@code extra} fields. Every rule is named
 * {@code bitlipa.<CC>[.<provider id>].<operation>.<rule>} so an ERP can tell which one it broke.
 */
final class BitlipaRules {
    /** What goes into a payment request besides amount and ids. {@code extra} is in the order it is sent. */
    record Plan(Selection selection, String customerId, Map<String, String> extra) {
    }

    /** A plan, or the violations that stop one. */
    record Checked(Plan plan, List<Violation> violations) {
    }

    private final BitlipaCatalog catalog;
    private final BitlipaRouting routing;

    BitlipaRules(BitlipaCatalog catalog, BitlipaRouting routing) {
        this.catalog = catalog;
        this.routing = routing;
    }

    Checked check(PaymentCommand command) {
        List<Violation> found = new ArrayList<>();
        String code = command.country();
        Optional<Country> maybeCountry = catalog.country(code);
        if (maybeCountry.isEmpty()) {
            found.add(new Violation("country", "bitlipa.country", "the gateway does not serve " + code + "; it serves "
                    + String.join(", ", catalog.countries().keySet())));
            return new Checked(null, found);
        }
        Country country = maybeCountry.get();
        if (!country.currency().equals(command.currency())) {
            found.add(new Violation("currency", "bitlipa." + code + ".currency", "the gateway moves " + country.currency() + " in "
                    + code + ", not " + command.currency()));
        }
        boolean c2b = command.type() == PaymentType.COLLECTION;
        String op = c2b ? "c2b" : "b2c";
        checkAmount(command.amount(), country.limits(), code, op, c2b, found);
        BitlipaRouting.Choice choice = routing.choose(command, code, country);
        if (choice.violation() != null) {
            found.add(choice.violation());
            return new Checked(null, found);
        }
        Selection selection = choice.selection();
        String where = "bitlipa." + code + "." + selection.providerId() + "." + op;
        Operation operation = c2b ? selection.channel().c2b() : selection.channel().b2c();
        if (c2b && operation.c2bFlow() == C2bFlow.HOSTED_PAGE_ONLY) {
            found.add(new Violation("metadata.operator", where + ".hosted-page-only", selection.channel().name()
                    + " collections go through the gateway's hosted payment page only, not the API"));
        }
        String customerId = customerId(command, country, selection, c2b, where, found);
        Map<String, String> extra = BitlipaExtras.collect(command, country, selection, operation, catalog.docTypes(), where, found);
        return new Checked(found.isEmpty() ? new Plan(selection, customerId, extra) : null, found);
    }

    private static void checkAmount(BigDecimal amount, Limits limits, String code, String op, boolean c2b, List<Violation> found) {
        if (amount.stripTrailingZeros().scale() > 2) {
            found.add(new Violation("amount", "bitlipa.amount.two-decimals", "the gateway takes amounts with two decimals at most"));
        }
        BigDecimal min = c2b ? limits.c2bMin() : limits.b2cMin();
        BigDecimal max = limits.max();
        if (amount.compareTo(min) < 0 || max != null && amount.compareTo(max) > 0) {
            found.add(new Violation("amount", "bitlipa." + code + "." + op + ".amount-range", "gateway " + op.toUpperCase()
                    + " amounts in " + code + " must be " + min.toPlainString() + (max == null ? " or more" : "–" + max.toPlainString())));
        }
    }

    /**
     * {@code customer_id}: the phone in the operator's format; for a bank payout the account
     * number (the document's bank examples carry no other account field); for a bank collection
     * the phone, else the email.
     */
    private static String customerId(PaymentCommand command, Country country, Selection selection, boolean c2b, String where,
                                     List<Violation> found) {
        var customer = command.customer();
        if (selection.channel().bank()) {
            if (!c2b) {
                if (customer == null || blank(customer.account())) {
                    found.add(new Violation("customer.account", where + ".account", "a bank payout needs the account number"));
                    return null;
                }
                return customer.account();
            }
            if (command.phone() != null) {
                return BitlipaPhones.format(command.phone(), country.phoneFor(selection.channel())).orElse(command.phone());
            }
            if (customer != null && !blank(customer.email())) {
                return customer.email();
            }
            found.add(new Violation("customer.phone", where + ".customer-id", "a bank collection needs the customer's phone or email"));
            return null;
        }
        if (command.phone() == null) {
            found.add(new Violation("customer.phone", "bitlipa." + selection.countryCode() + ".phone.required",
                    "the gateway needs the customer's mobile number"));
            return null;
        }
        var format = country.phoneFor(selection.channel());
        Optional<String> formatted = BitlipaPhones.format(command.phone(), format);
        if (formatted.isEmpty()) {
            found.add(new Violation("customer.phone", "bitlipa." + selection.countryCode() + ".phone-format", "the number must be a "
                    + selection.countryCode() + " mobile (+" + format.dialCode() + " and " + format.digits() + " digits); sent as "
                    + format.example()));
        }
        return formatted.orElse(null);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
