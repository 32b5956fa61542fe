package io.paybridge.batch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header row of a batch file: which known column each position holds. A header that names
 * an unknown column, names one twice, leaves one unnamed or lacks a required one makes the file
 * unusable as a whole: {@link #problem()} then says why, in one sentence.
 */
public final class CsvHeader {
    /** Columns every file needs: without them no row could be valid. */
    static final Set<Column> REQUIRED = EnumSet.of(Column.REFERENCE, Column.AMOUNT, Column.CURRENCY, Column.COUNTRY);

    private final Column[] columns;
    private final String problem;

    private CsvHeader(Column[] columns, String problem) {
        this.columns = columns;
        this.problem = problem;
    }

    static CsvHeader missing() {
        return new CsvHeader(null, "the file is empty: the first row must be a header naming the columns (" + Column.known() + ")");
    }

    static CsvHeader parse(String[] cells) {
        Column[] columns = new Column[cells.length];
        List<String> unknown = new ArrayList<>();
        EnumSet<Column> seen = EnumSet.noneOf(Column.class);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].strip();
            if (cell.isEmpty()) {
                return new CsvHeader(null, "column " + (i + 1) + " of the header row has no name; every column needs one of: "
                        + Column.known());
            }
            var column = Column.byHeader(cell);
            if (column.isEmpty()) {
                unknown.add("'" + cell + "'");
                continue;
            }
            if (!seen.add(column.get())) {
                return new CsvHeader(null, "column '" + column.get().header() + "' appears more than once in the header row");
            }
            columns[i] = column.get();
        }
        if (!unknown.isEmpty()) {
            return new CsvHeader(null, "unknown column" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " in the header row; known columns: " + Column.known());
        }
        EnumSet<Column> absent = EnumSet.copyOf(REQUIRED);
        absent.removeAll(seen);
        if (!absent.isEmpty()) {
            return new CsvHeader(null, "the header row lacks required column" + (absent.size() == 1 ? " " : "s ")
                    + absent.stream().map(Column::header).collect(Collectors.joining(", ")) + "; known columns: " + Column.known());
        }
        return new CsvHeader(columns, null);
    }

    public boolean usable() {
        return problem == null;
    }

    /** Why the file cannot be used, or null when it can. */
    public String problem() {
        return problem;
    }

    /** How many columns the header names. */
    int width() {
        return columns.length;
    }

    /** The column at a position. */
    Column at(int index) {
        return columns[index];
    }
}
