package io.paybridge.batch;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/** Writes CSV records with jackson-dataformat-csv (quoting as RFC 4180 needs it), one at a time. */
final class CsvOut implements Closeable {
    // Quote only values that need it (by default long values are quoted without looking).
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    private final SequenceWriter writer;

    CsvOut(Writer out, char delimiter) throws IOException {
        ObjectWriter objectWriter = MAPPER.writerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(delimiter).withLineSeparator("\n"));
        this.writer = objectWriter.writeValues(out);
    }

    void row(String... cells) throws IOException {
        writer.write(cells);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
