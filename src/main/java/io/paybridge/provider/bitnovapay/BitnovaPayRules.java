package io.paybridge.provider.bitnovapay;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What BitnovaPay would refuse, checked before sending (bitnovapay.txt): amounts in KES, an
 * M-Pesa amount of at least KES 1 in whole shillings, a withdrawal of at least KES 100, a Kenyan
 * mobile number for M-Pesa, an account for the withdrawal method.
 *
 * <p><b>Method.</b> {@code metadata.bitnovapayMethod} chooses: {@code mpesa}, {@code card},
 * {@code paypal} or {@code crypto} for a collection (default mpesa); {@code mpesa}, {@code bank}
 * or {@code paypal} for a withdrawal (default: mpesa when the customer has a phone, else bank
 * when an account number, else paypal when an email).
 */
final class BitnovaPayRules {
    static final String METHOD_FIELD = "bitnovapayMethod";
    static final Set<String> COLLECTION_METHODS = Set.of("mpesa", "card", "paypal", "crypto");
    static final Set<String> WITHDRAWAL_METHODS = Set.of("mpesa", "bank", "paypal");
    static final BigDecimal MPESA_MIN = BigDecimal.ONE;
    static final BigDecimal WITHDRAWAL_MIN = new BigDecimal("100");
    // E.164 Kenyan mobile: +254 then 7xx or 1xx (NOTES.md: 011x numbers are 2541…).
    private static final Pattern KENYAN_MOBILE = Pattern.compile("^\\+254[17]\\d{8}$");

    private BitnovaPayRules() {
    }

    static List<Violation> check(PaymentCommand command) {
        List<Violation> found = new ArrayList<>();
        if (!"KES".equals(command.currency())) {
            found.add(new Violation("currency", "bitnovapay.currency", "BitnovaPay takes amounts in KES only, not " + command.currency()));
        }
        String method = method(command);
        boolean payout = command.type() == PaymentType.PAYOUT;
        Set<String> allowed = payout ? WITHDRAWAL_METHODS : COLLECTION_METHODS;
        if (method == null) {
            found.add(new Violation("customer", "bitnovapay.withdrawal.account",
                    "a BitnovaPay withdrawal needs the customer's phone (mpesa), account number (bank) or email (paypal)"));
            return found;
        }
        if (!allowed.contains(method)) {
            found.add(new Violation("metadata." + METHOD_FIELD, "bitnovapay.method", "BitnovaPay " + (payout ? "withdrawals" : "payments")
                    + " take method " + String.join(", ", allowed.stream().sorted().toList()) + ", not '" + method + "'"));
            return found;
        }
        if ("mpesa".equals(method)) {
            checkMpesa(command, found);
        }
        if (payout) {
            checkWithdrawal(command, method, found);
        }
        return found;
    }

    private static void checkMpesa(PaymentCommand command, List<Violation> found) {
        String phone = command.phone();
        if (phone == null) {
            found.add(new Violation("customer.phone", "bitnovapay.phone.required", "BitnovaPay M-Pesa needs the customer's phone number"));
        } else if (!KENYAN_MOBILE.matcher(phone).matches()) {
            found.add(new Violation("customer.phone", "bitnovapay.phone.kenyan-mobile",
                    "BitnovaPay M-Pesa takes Kenyan mobile numbers (254 7xx/1xx) only"));
        }
        if (command.amount().stripTrailingZeros().scale() > 0) {
            found.add(new Violation("amount", "bitnovapay.amount.whole-shillings", "M-Pesa through BitnovaPay takes whole shillings only"));
        }
        if (command.type() == PaymentType.COLLECTION && command.amount().compareTo(MPESA_MIN) < 0) {
            found.add(new Violation("amount", "bitnovapay.mpesa.minimum", "BitnovaPay M-Pesa payments start at KES 1"));
        }
    }

    private static void checkWithdrawal(PaymentCommand command, String method, List<Violation> found) {
        if (command.amount().compareTo(WITHDRAWAL_MIN) < 0) {
            found.add(new Violation("amount", "bitnovapay.withdrawal.minimum",
                    "BitnovaPay withdrawals start at KES 100; " + command.amount().toPlainString() + " is below it"));
        }
        Customer customer = command.customer();
        if ("bank".equals(method) && (customer == null || blank(customer.account()))) {
            found.add(new Violation("customer.account", "bitnovapay.withdrawal.bank-account", "a BitnovaPay bank withdrawal needs the account number"));
        }
        if ("paypal".equals(method) && (customer == null || blank(customer.email()))) {
            found.add(new Violation("customer.email", "bitnovapay.withdrawal.paypal-email", "a BitnovaPay PayPal withdrawal needs the PayPal email"));
        }
    }

    /** The method this command asks for (lower case), or the default; null when a payout has nothing to pay to. */
    static String method(PaymentCommand command) {
        JsonNode chosen = command.metadata() == null ? null : command.metadata().get(METHOD_FIELD);
        if (chosen != null && chosen.isTextual() && !chosen.asText().isBlank()) {
            return chosen.asText().trim().toLowerCase(Locale.ROOT);
        }
        if (command.type() == PaymentType.COLLECTION) {
            return "mpesa";
        }
        Customer c = command.customer();
        if (c == null) {
            return null;
        }
        return !blank(c.phone()) ? "mpesa" : !blank(c.account()) ? "bank" : !blank(c.email()) ? "paypal" : null;
    }

    /** {@code +254712345678} → {@code 254712345678}, the document's {@code 2547XXXXXXXX} form. */
    static String msisdn(String e164) {
        return e164 == null ? null : e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /** Whole shillings as an integer, anything finer as a two-decimal number: {@code 1500}, {@code 1500.50}. */
    static Number wireAmount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact() : amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
