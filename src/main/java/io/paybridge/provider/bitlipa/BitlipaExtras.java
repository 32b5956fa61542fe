package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Country;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Operation;
import io.paybridge.provider.bitlipa.BitlipaRouting.Selection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code extra} object of a payment request: the fields the catalog requires for the chosen
 * provider and operation, then the optional ones the command happens to carry. Each comes from a
 * canonical field; a missing one is a violation naming that field.
 */
final class BitlipaExtras {
    private BitlipaExtras() {
    }

    static Map<String, String> collect(PaymentCommand command, Country country, Selection selection, Operation operation,
                                       List<String> docTypes, String where, List<Violation> found) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (String name : operation.extra()) {
            String value = value(name, command, country, selection);
            if (BitlipaRules.blank(value)) {
                found.add(new Violation(source(name), where + ".extra." + name, selection.channel().name() + " in "
                        + selection.countryCode() + " needs " + source(name) + " (sent as extra." + name + ")"));
            } else {
                extra.put(name, value);
            }
        }
        for (String name : operation.optional()) {
            String value = value(name, command, country, selection);
            if (!BitlipaRules.blank(value)) {
                extra.put(name, value);
            }
        }
        String docType = extra.get("customer_doc_type");
        if (docType != null && !docTypes.contains(docType)) {
            found.add(new Violation("customer.documentType", where + ".customer_doc_type.allowed",
                    "document type must be one of " + docTypes + ", not '" + docType + "'"));
        }
        return extra;
    }

    /** Where each extra field comes from in the canonical command. */
    static String source(String extraName) {
        return switch (extraName) {
            case "customer_name" -> "customer.name";
            case "customer_email" -> "customer.email";
            case "customer_doc_type" -> "customer.documentType";
            case "customer_doc_number" -> "customer.documentNumber";
            case "bank_code" -> "customer.bankCode";
            case "customer_phone" -> "customer.phone";
            case "customer_address" -> "metadata.customer_address";
            default -> "metadata." + extraName;
        };
    }

    private static String value(String name, PaymentCommand command, Country country, Selection selection) {
        Customer c = command.customer();
        return switch (name) {
            case "customer_name" -> c == null ? null : c.name();
            case "customer_email" -> c == null ? null : c.email();
            case "customer_doc_type" -> c == null ? null : c.documentType();
            case "customer_doc_number" -> c == null ? null : c.documentNumber();
            case "bank_code" -> c == null ? null : c.bankCode();
            case "customer_phone" -> command.phone() == null ? null
                    : BitlipaPhones.format(command.phone(), country.phoneFor(selection.channel())).orElse(null);
            default -> metadata(command, name);
        };
    }

    private static String metadata(PaymentCommand command, String name) {
        JsonNode value = command.metadata() == null ? null : command.metadata().get(name);
        return value == null || !value.isValueNode() ? null : value.asText();
    }
}
