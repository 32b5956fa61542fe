package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.model.CustomerAction;
import io.paybridge.provider.bitlipa.BitlipaCatalog.C2bFlow;
import io.paybridge.provider.bitlipa.BitlipaMessages.Answer;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What the customer must do next, read from an in-flight answer, most specific first: a
 * confirmation page ({@code extra.customer_redirect}), bank details to transfer to (bank-transfer
 * C2B answers), a confirmation the gateway asks for ({@code confirm_type != 0}), the gateway's
 * own instructions ({@code extra.customer_message}), else the operator's phone prompt.
 */
final class BitlipaActions {
    /** Bank details the document shows in a bank-transfer C2B answer's {@code extra}. */
    static final String PAYMENT_INSTRUCTIONS = "PAYMENT_INSTRUCTIONS";
    /** The gateway wants a confirmation step the document does not describe. */
    static final String CONFIRMATION_REQUIRED = "CONFIRMATION_REQUIRED";
    private static final Set<String> BANK_FIELDS = Set.of("transfer_amount", "account_number", "bank_name");

    private BitlipaActions() {
    }

    /** The action for an in-flight answer, or null when there is nothing for the customer to do. */
    static CustomerAction of(Answer answer, C2bFlow flow) {
        String redirect = answer.extraText("customer_redirect");
        if (redirect != null) {
            return CustomerAction.redirect(redirect);
        }
        if (answer.extraText("account_number") != null) {
            return new CustomerAction(PAYMENT_INSTRUCTIONS, null, bankInstructions(answer.extra()));
        }
        String message = answer.extraText("customer_message");
        if (answer.confirmType() != 0) {
            return new CustomerAction(CONFIRMATION_REQUIRED, null, message != null ? message
                    : "the gateway asks for a confirmation (confirm_type " + answer.confirmType() + ")");
        }
        if (message != null) {
            return new CustomerAction(PAYMENT_INSTRUCTIONS, null, message);
        }
        return flow == C2bFlow.APPROVE_ON_PHONE ? CustomerAction.approveOnPhone() : null;
    }

    /** "Transfer 100 to account 4000000000 at Premium Trust Bank", then any other detail as "key: value". */
    static String bankInstructions(JsonNode extra) {
        StringBuilder text = new StringBuilder("Transfer");
        String amount = field(extra, "transfer_amount");
        if (amount != null) {
            text.append(' ').append(amount);
        }
        text.append(" to account ").append(field(extra, "account_number"));
        String bank = field(extra, "bank_name");
        if (bank != null) {
            text.append(" at ").append(bank);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = extra.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!BANK_FIELDS.contains(f.getKey()) && f.getValue().isValueNode() && !f.getValue().asText().isBlank()) {
                text.append("; ").append(f.getKey().replace('_', ' ')).append(": ").append(f.getValue().asText());
            }
        }
        return text.toString();
    }

    private static String field(JsonNode extra, String name) {
        JsonNode value = extra.get(name);
        return value == null || value.isNull() ? null : BitlipaSigner.phpText(value);
    }
}
