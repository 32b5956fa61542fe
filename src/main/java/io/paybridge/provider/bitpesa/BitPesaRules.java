package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import io.paybridge.provider.bitpesa.BitPesaPayoutMethods.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a payout against what BitPesa needs and plans it: the payout method and its
 * {@code details}, and the sender. A command names its recipient in {@code customer}; its
 * sender in {@code metadata.sender} (see {@link BitPesaSenders}), or the configured merchant
 * sender is used.
 */
final class BitPesaRules {
    /** A payout ready to send: recipient details in wire order, the sender's key and (for creation) details. */
    record Plan(Method method, Map<String, String> details, String senderExternalId, ObjectNode senderDetails) {
    }

    record Checked(Plan plan, List<Violation> violations) {
    }

    private final BitPesaPayoutMethods methods;
    private final BitPesaSenders senders;

    BitPesaRules(BitPesaPayoutMethods methods, BitPesaSenders senders) {
        this.methods = methods;
        this.senders = senders;
    }

    Checked check(PaymentCommand command) {
        List<Violation> found = new ArrayList<>();
        Customer customer = command.customer();
        boolean bank = customer != null && notBlank(customer.account()) && notBlank(customer.bankCode());
        Optional<Method> method = methods.find(command.currency(), bank);
        if (method.isEmpty()) {
            List<String> offered = methods.typesFor(command.currency());
            found.add(new Violation(bank ? "customer.account" : "currency", "bitpesa.payout-method", offered.isEmpty()
                    ? "this bundle has no BitPesa payout method for " + command.currency()
                    : "BitPesa pays " + command.currency() + " by " + offered + " here; give "
                    + (bank ? "a phone instead of a bank account" : "customer.account and customer.bankCode")));
        }
        Map<String, String> details = new LinkedHashMap<>();
        names(customer, found, details);
        method.ifPresent(m -> {
            if (!m.country().equals(command.country())) {
                found.add(new Violation("country", "bitpesa." + m.type() + ".country", m.type() + " pays recipients in "
                        + m.country() + ", not " + command.country()));
            }
            if (m.isBank()) {
                details.put("bank_code", customer.bankCode());
                details.put("bank_account", customer.account());
            } else {
                mobile(command, m, found, details);
            }
        });
        BitPesaSenders.Sender sender = senders.of(command, found);
        Plan plan = found.isEmpty() ? new Plan(method.get(), details, sender.externalId(), sender.details()) : null;
        return new Checked(plan, found);
    }

    private static void names(Customer customer, List<Violation> found, Map<String, String> details) {
        String name = customer == null || customer.name() == null ? "" : customer.name().trim();
        int cut = name.lastIndexOf(' ');
        if (cut <= 0) {
            found.add(new Violation("customer.name", "bitpesa.recipient.name", "BitPesa needs the recipient's first and last name"));
            return;
        }
        details.put("first_name", name.substring(0, cut).trim());
        details.put("last_name", name.substring(cut + 1));
    }

    private static void mobile(PaymentCommand command, Method m, List<Violation> found, Map<String, String> details) {
        String phone = command.phone();
        if (phone == null) {
            found.add(new Violation("customer.phone", "bitpesa." + m.type() + ".phone.required", m.type() + " needs the recipient's phone"));
        } else if (!phone.startsWith("+" + m.dialCode())) {
            found.add(new Violation("customer.phone", "bitpesa." + m.type() + ".phone-country", m.type() + " pays "
                    + m.country() + " numbers (+" + m.dialCode() + ") only"));
        } else {
            details.put("phone_number", phone); // E.164 with '+', as the corridor documentation shows
        }
        String operator = metadata(command, "operator");
        String provider = operator == null ? m.defaultMobileProvider() : operator.toLowerCase(Locale.ROOT);
        if (provider != null && !m.mobileProviders().contains(provider)) {
            found.add(new Violation("metadata.operator", "bitpesa." + m.type() + ".mobile-provider", m.type()
                    + " mobile_provider must be one of " + m.mobileProviders() + ", not '" + provider + "'"));
        } else if (provider != null) {
            details.put("mobile_provider", provider);
        }
        String reason = metadata(command, "transfer_reason");
        if (reason != null || m.transferReason() != null) {
            details.put("transfer_reason", reason != null ? reason : m.transferReason());
        }
    }

    static String metadata(PaymentCommand command, String field) {
        JsonNode value = command.metadata() == null ? null : command.metadata().get(field);
        return value == null || !value.isValueNode() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
