package io.paybridge.provider.bluepay;

import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What BluePay would refuse, checked before sending (bluepay.txt): KES only, whole shillings,
 * STK KES 1–250,000, B2C KES 10–1,000,000 per recipient, a Kenyan mobile number.
 */
final class BluePayRules {
    static final BigDecimal STK_MIN = BigDecimal.ONE;
    static final BigDecimal STK_MAX = new BigDecimal("250000");
    static final BigDecimal B2C_MIN = BigDecimal.TEN;
    static final BigDecimal B2C_MAX = new BigDecimal("1000000");
    // E.164 Kenyan mobile: +254 then 7xx or 1xx (Safaricom's 011x range), nine digits in all.
    private static final Pattern KENYAN_MOBILE = Pattern.compile("^\\+254[17]\\d{8}$");

    private BluePayRules() {
    }

    static List<Violation> check(PaymentCommand command) {
        List<Violation> found = new ArrayList<>();
        if (!"KES".equals(command.currency())) {
            found.add(new Violation("currency", "bluepay.currency", "BluePay moves KES only, not " + command.currency()));
        }
        String phone = command.phone();
        if (phone == null) {
            found.add(new Violation("customer.phone", "bluepay.phone.required", "BluePay needs the customer's M-Pesa phone number"));
        } else if (!KENYAN_MOBILE.matcher(phone).matches()) {
            found.add(new Violation("customer.phone", "bluepay.phone.kenyan-mobile",
                    "BluePay pays and charges Kenyan mobile numbers (254 7xx/1xx) only"));
        }
        BigDecimal amount = command.amount();
        if (amount.stripTrailingZeros().scale() > 0) {
            found.add(new Violation("amount", "bluepay.amount.whole-shillings", "M-Pesa through BluePay takes whole shillings only"));
        }
        boolean collection = command.type() == PaymentType.COLLECTION;
        BigDecimal min = collection ? STK_MIN : B2C_MIN;
        BigDecimal max = collection ? STK_MAX : B2C_MAX;
        if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
            String rule = collection ? "bluepay.stk.amount-range" : "bluepay.b2c.amount-range";
            String what = collection ? "STK push" : "B2C payout";
            found.add(new Violation("amount", rule, "BluePay " + what + " amount must be KES "
                    + min.toPlainString() + "–" + max.toPlainString()));
        }
        return found;
    }

    /** {@code +254712345678} → {@code 254712345678}, the MSISDN form of the document's examples. */
    static String msisdn(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
