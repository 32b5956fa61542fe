package io.paybridge.batch;

import io.paybridge.ledger.Batches;
import io.paybridge.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words a rejected row's violations in the file's own terms: the field becomes the column name
 * ({@code customer.phone} → {@code phone}), and the schema's regular-expression messages become
 * sentences a finance team can act on. The rule keeps the canonical name, for machines.
 */
final class RejectReasons {
    private static final Pattern SCHEMA_PREFIX = Pattern.compile("^\\$(\\.[A-Za-z0-9_.]+)?: ");
    private static final Map<String, String> PATTERNS = Map.of(
            "id", "must be 1 to 64 letters, digits or the characters _ . : - (no spaces)",
            "amount", "must be a plain decimal number such as 1500 or 1500.50: digits, '.' for decimals, "
                    + "no thousands separators, signs or currency symbols",
            "currency", "must be a three-letter ISO 4217 code such as KES",
            "country", "must be a two-letter ISO 3166 country code such as KE",
            "provider", "must be a provider name such as bluepay (lower case)",
            "customer.email", "is not an email address");

    private RejectReasons() {
    }

    static List<Batches.Reject> of(long line, String reference, List<Violation> violations) {
        List<Batches.Reject> rejects = new ArrayList<>(violations.size());
        int seq = 1;
        for (Violation v : violations) {
            rejects.add(new Batches.Reject(line, seq++, reference, column(v.field()), v.rule(), reason(v)));
        }
        return rejects;
    }

    /** The column a canonical field came from; row-level problems are named {@code row}. */
    static String column(String field) {
        if (field == null || field.isEmpty() || "$".equals(field) || field.startsWith("batch") || "customer".equals(field)) {
            return "row";
        }
        return Column.byField(field).map(Column::header).orElse(field);
    }

    static String reason(Violation v) {
        String column = column(v.field());
        if ("required".equals(v.rule())) {
            return column + " is required";
        }
        if ("pattern".equals(v.rule()) && PATTERNS.containsKey(v.field())) {
            return column + " " + PATTERNS.get(v.field());
        }
        String message = SCHEMA_PREFIX.matcher(v.message()).replaceFirst("");
        return message.equals(v.message()) ? message : column + " " + message;
    }
}
