package io.paybridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.paybridge.model.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The published JSON Schema of {@code PaymentCommand} (docs/schemas), loaded once. */
public final class CommandSchema {
    private final JsonSchema schema;

    public CommandSchema() {
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:schemas/payment-command.schema.json"));
    }

    /** Every schema violation, named by field path and schema keyword. */
    public List<Violation> validate(JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String field = field(m);
            violations.add(new Violation(field, m.getType(), explain(field, m)));
        }
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::rule));
        return violations;
    }

    /** The validator's text, made plainer where senders most often go wrong. */
    private static String explain(String field, ValidationMessage m) {
        if ("amount".equals(field) && ("type".equals(m.getType()) || "pattern".equals(m.getType()))) {
            return "amount must be decimal text such as \"1500\" or \"12.50\" (a JSON number could lose precision)";
        }
        if ("id".equals(field) && "pattern".equals(m.getType())) {
            return "id must be 1-64 characters of A-Z a-z 0-9 _ . : -";
        }
        String text = m.getMessage();
        return text.startsWith("$.") || text.startsWith("$:") ? text.substring(text.indexOf(' ') + 1) : text;
    }

    private static String field(ValidationMessage m) {
        String path = m.getInstanceLocation().toString();
        String base = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
        String property = m.getProperty();
        if (property != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            return base.isEmpty() ? property : base + "." + property;
        }
        return base.isEmpty() ? "$" : base;
    }
}
