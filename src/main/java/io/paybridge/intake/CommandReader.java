package io.paybridge.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of any intake door into a canonical {@link PaymentCommand}: JSON, then the
 * published schema, then the contract rules, then phone normalisation. Every problem is
 * collected, not just the first, so the sender can fix them all at once.
 */
public final class CommandReader {
    private final ObjectMapper json;
    private final CommandSchema schema;

    public CommandReader(ObjectMapper json, CommandSchema schema) {
        this.json = json;
        this.schema = schema;
    }

    /** Either a command ({@code command != null}) or the reasons it is not one. */
    public record Result(PaymentCommand command, InvalidCommand invalid) {
    }

    public Result read(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            return invalid(null, new Violation("$", "json", "not valid JSON: " + firstLine(e)));
        }
        if (tree == null || tree.isMissingNode()) {
            return invalid(null, new Violation("$", "json", "empty message"));
        }
        return read(tree);
    }

    public Result read(JsonNode tree) {
        String id = tree.path("id").isTextual() ? tree.path("id").asText() : null;
        List<Violation> violations = new ArrayList<>(schema.validate(tree));
        if (!violations.isEmpty()) {
            return new Result(null, new InvalidCommand(id, violations));
        }
        PaymentCommand command;
        try {
            command = json.treeToValue(tree, PaymentCommand.class);
        } catch (JsonProcessingException e) {
            return invalid(id, new Violation("$", "json", firstLine(e)));
        }
        CommandRules.checkCurrency(command.currency(), violations);
        CommandRules.checkCountry(command.country(), violations);
        CommandRules.checkAmount(command.amount(), command.currency(), violations);
        command = normalisePhone(command, violations);
        return violations.isEmpty() ? new Result(command, null) : new Result(null, new InvalidCommand(id, violations));
    }

    private static PaymentCommand normalisePhone(PaymentCommand command, List<Violation> violations) {
        Customer customer = command.customer();
        if (customer == null || customer.phone() == null) {
            return command;
        }
        var e164 = PhoneNumbers.toE164(customer.phone(), command.country());
        if (e164.isEmpty()) {
            violations.add(new Violation("customer.phone", "phone-number",
                    "not a valid phone number for " + command.country() + ": " + io.paybridge.crypto.Masking.mask(customer.phone())));
            return command;
        }
        return command.withCustomer(customer.withPhone(e164.get()));
    }

    private static Result invalid(String id, Violation violation) {
        return new Result(null, new InvalidCommand(id, List.of(violation)));
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
