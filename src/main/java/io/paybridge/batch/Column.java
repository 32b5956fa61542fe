package io.paybridge.batch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns a batch file may have (in any order), each with the canonical command field it
 * fills. The field path is also how a rule's violation is named back in the column's terms.
 */
public enum Column {
    REFERENCE("reference", "id"),
    AMOUNT("amount", "amount"),
    CURRENCY("currency", "currency"),
    COUNTRY("country", "country"),
    PHONE("phone", "customer.phone"),
    NAME("name", "customer.name"),
    EMAIL("email", "customer.email"),
    PROVIDER("provider", "provider"),
    BANK_CODE("bank_code", "customer.bankCode"),
    ACCOUNT("account", "customer.account"),
    DESCRIPTION("description", "description"),
    DOC_TYPE("doc_type", "customer.documentType"),
    DOC_NUMBER("doc_number", "customer.documentNumber");

    private static final Map<String, Column> BY_HEADER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Column::header, Function.identity()));
    private static final Map<String, Column> BY_FIELD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Column::field, Function.identity()));

    private final String header;
    private final String field;

    Column(String header, String field) {
        this.header = header;
        this.field = field;
    }

    public String header() {
        return header;
    }

    /** The canonical command field, as a dotted path ({@code customer.phone}). */
    public String field() {
        return field;
    }

    /** The known column a header cell names: case, surrounding spaces, and '-' or ' ' for '_' do not matter. */
    public static Optional<Column> byHeader(String cell) {
        return Optional.ofNullable(BY_HEADER.get(normalise(cell)));
    }

    /** The column that fills a canonical field, if one does. */
    public static Optional<Column> byField(String path) {
        return Optional.ofNullable(BY_FIELD.get(path));
    }

    /** Every known column name, in documentation order, for messages. */
    public static String known() {
        return Arrays.stream(values()).map(Column::header).collect(Collectors.joining(", "));
    }

    static String normalise(String cell) {
        return cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
