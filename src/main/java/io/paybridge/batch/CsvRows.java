package io.paybridge.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the records of a batch file with jackson-dataformat-csv, one at a time: UTF-8 with or
 * without a byte-order mark, CRLF, LF or CR line ends, RFC 4180 quoting ({@code "a, ""b"""}),
 * blank lines skipped. Each record carries the physical line it starts on (the header is
 * usually line 1), which is what the rejects and results files cite.
 */
public final class CsvRows implements Closeable {
    /** One record: the line it starts on and its cells as written (never null, possibly empty). */
    public record Row(long line, String[] cells) {
    }

    // The parser must not close the stream at its end: the inspection reads on through the digest.
    private static final CsvMapper MAPPER = (CsvMapper) new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private final InputStream in;
    private final MappingIterator<String[]> records;
    private final char delimiter;
    private final CsvHeader header;
    private final long headerLine;
    private long recordLine;

    private CsvRows(InputStream in, char delimiter) throws IOException {
        this.in = in;
        this.delimiter = delimiter;
        this.records = MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
                .readValues(in);
        Row first = nextRecord();
        this.header = first == null ? CsvHeader.missing() : CsvHeader.parse(first.cells());
        this.headerLine = first == null ? 1 : first.line();
    }

    /**
     * Opens a file's bytes. {@code configured} is the delimiter to use, or null to take whichever
     * of ',' and ';' the header row uses more ({@link Delimiters#sniff}).
     */
    public static CsvRows open(InputStream raw, Character configured) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        char delimiter = configured != null ? configured : Delimiters.sniff(in);
        return new CsvRows(in, delimiter);
    }

    public CsvHeader header() {
        return header;
    }

    public long headerLine() {
        return headerLine;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The next data record with at least one non-blank cell, or null at the end of the file. */
    public Row next() throws IOException {
        Row row;
        do {
            row = nextRecord();
        } while (row != null && blank(row.cells()));
        return row;
    }

    /**
     * The line of the record being read (or, before any, the parser's line): where a file that
     * stops being readable CSV went wrong, e.g. the start of a quote that is never closed.
     */
    public long currentLine() {
        return recordLine > 0 ? recordLine : records.getParser().currentLocation().getLineNr();
    }

    private Row nextRecord() throws IOException {
        if (!records.hasNextValue()) {
            return null;
        }
        // After hasNextValue() the parser stands at the record's start, blank lines already skipped.
        long line = records.getParser().currentLocation().getLineNr();
        recordLine = line;
        String[] cells = records.nextValue();
        return new Row(line, cells == null ? new String[0] : cells);
    }

    private static boolean blank(String[] cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            records.close();
        } finally {
            in.close();
        }
    }
}
