package io.paybridge.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.model.PaymentType;
import java.util.Locale;

/**
 * Turns one CSV record into the canonical command JSON every intake door produces, so the row is
 * then validated by exactly the same path ({@code CommandReader}, provider rules, ledger claim).
 * Cells are trimmed, empty cells are absent fields, currency and country codes are upper-cased;
 * nothing else is interpreted here.
 */
final class RowCommands {
    private final ObjectMapper json;

    RowCommands(ObjectMapper json) {
        this.json = json;
    }

    /** The command for {@code row}: a PAYOUT whose {@code batch} names this file and line. */
    ObjectNode toCommand(CsvHeader header, CsvRows.Row row, String batchId) {
        ObjectNode command = json.createObjectNode();
        ObjectNode customer = json.createObjectNode();
        String[] cells = row.cells();
        int width = Math.min(cells.length, header.width());
        for (int i = 0; i < width; i++) {
            String value = cells[i] == null ? "" : cells[i].strip();
            if (value.isEmpty()) {
                continue;
            }
            Column column = header.at(i);
            String field = column.field();
            if (column == Column.CURRENCY || column == Column.COUNTRY) {
                value = value.toUpperCase(Locale.ROOT);
            }
            if (field.startsWith("customer.")) {
                customer.put(field.substring("customer.".length()), value);
            } else {
                command.put(field, value);
            }
        }
        command.put("type", PaymentType.PAYOUT.name());
        if (!customer.isEmpty()) {
            command.set("customer", customer);
        }
        ObjectNode batch = command.putObject("batch");
        batch.put("fileId", batchId);
        batch.put("line", row.line());
        return command;
    }

    /** The reference cell as written (trimmed), or null when the row has none. */
    static String reference(CsvHeader header, CsvRows.Row row) {
        String[] cells = row.cells();
        for (int i = 0; i < Math.min(cells.length, header.width()); i++) {
            if (header.at(i) == Column.REFERENCE) {
                String value = cells[i] == null ? "" : cells[i].strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
