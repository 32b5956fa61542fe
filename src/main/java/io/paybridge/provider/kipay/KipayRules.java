package io.paybridge.provider.kipay;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What Kipay would refuse, checked before sending (kipay.txt), and which of its two collection
 * doors a command takes.
 *
 * <p><b>Channel rule.</b> {@code metadata.kipayChannel} = {@code stk} or {@code checkout} decides
 * when given. Otherwise a customer with a phone and no email gets an M-Pesa STK push, one with an
 * email and no phone gets the hosted checkout ({@code transactions/initialize}, a redirect URL),
 * and one with both (or neither) gets {@code paybridge.kipay.default-channel}.
 *
 * <p>STK: a Kenyan mobile number, sent as {@code 254XXXXXXXXX} (the document's M-Pesa note),
 * whole shillings, at least KES 1. Checkout: an email (Kipay requires it). Both: KES only.
 */
final class KipayRules {
    static final String STK = "stk";
    static final String CHECKOUT = "checkout";
    static final String CHANNEL_FIELD = "kipayChannel";
    private static final Pattern KENYAN_MOBILE = Pattern.compile("^\\+254[17]\\d{8}$");

    private KipayRules() {
    }

    static List<Violation> check(PaymentCommand command, KipaySettings settings) {
        List<Violation> found = new ArrayList<>();
        if (!"KES".equals(command.currency())) {
            found.add(new Violation("currency", "kipay.currency", "Kipay collects KES only, not " + command.currency()));
        }
        String channel = channel(command, settings);
        if (!STK.equals(channel) && !CHECKOUT.equals(channel)) {
            found.add(new Violation("metadata." + CHANNEL_FIELD, "kipay.channel", "Kipay channel must be 'stk' or 'checkout', not '" + channel + "'"));
            return found;
        }
        Long channelId = STK.equals(channel) ? settings.mpesaChannelId() : settings.checkoutChannelId();
        if (channelId == null) {
            found.add(new Violation("metadata." + CHANNEL_FIELD, "kipay.channel.configured", "Kipay " + channel
                    + " is not configured here (paybridge.kipay." + (STK.equals(channel) ? "mpesa" : "checkout") + "-channel-id)"));
        }
        if (STK.equals(channel)) {
            checkStk(command, found);
        } else if (email(command) == null) {
            found.add(new Violation("customer.email", "kipay.email.required", "Kipay's hosted checkout needs the customer's email"));
        }
        return found;
    }

    private static void checkStk(PaymentCommand command, List<Violation> found) {
        String phone = command.phone();
        if (phone == null) {
            found.add(new Violation("customer.phone", "kipay.phone.required", "a Kipay M-Pesa STK push needs the customer's phone number"));
        } else if (!KENYAN_MOBILE.matcher(phone).matches()) {
            found.add(new Violation("customer.phone", "kipay.phone.kenyan-mobile", "Kipay M-Pesa takes Kenyan mobile numbers (254 7xx/1xx) only"));
        }
        if (command.amount().stripTrailingZeros().scale() > 0) {
            found.add(new Violation("amount", "kipay.amount.whole-shillings", "M-Pesa through Kipay takes whole shillings only"));
        } else if (command.amount().compareTo(BigDecimal.ONE) < 0) {
            found.add(new Violation("amount", "kipay.stk.minimum", "Kipay M-Pesa STK pushes start at KES 1"));
        }
    }

    /** {@code stk} or {@code checkout} by the channel rule (any other text if the command names one). */
    static String channel(PaymentCommand command, KipaySettings settings) {
        JsonNode chosen = command.metadata() == null ? null : command.metadata().get(CHANNEL_FIELD);
        if (chosen != null && chosen.isTextual() && !chosen.asText().isBlank()) {
            return chosen.asText().trim().toLowerCase(Locale.ROOT);
        }
        boolean phone = command.phone() != null;
        boolean email = email(command) != null;
        if (phone && !email) {
            return STK;
        }
        if (email && !phone) {
            return CHECKOUT;
        }
        return settings.defaultChannel();
    }

    static String email(PaymentCommand command) {
        Customer c = command.customer();
        return c == null || c.email() == null || c.email().isBlank() ? null : c.email().trim();
    }

    /** {@code +254712345678} → {@code 254712345678}. */
    static String msisdn(String e164) {
        return e164 == null ? null : e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /** Whole shillings as an integer, anything finer as a two-decimal number. */
    static Number wireAmount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact() : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** "Jane Wanjiru Doe" → ["Jane Wanjiru", "Doe"]; one word is a first name; null stays null. */
    static String[] names(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return new String[] {null, null};
        }
        String trimmed = fullName.trim();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new String[] {trimmed, null} : new String[] {trimmed.substring(0, space).trim(), trimmed.substring(space + 1)};
    }
}
