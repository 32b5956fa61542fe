package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void readsWhatSpreadsheetsWrite() throws IOException {
        String text = "\uFEFFreference;amount;currency;country;name;description\r\n"
                + "A-1;1500;KES;KE;\"Wanjiru; Alice\";\"Bonus \"\"Q2\"\", June\"\r\n"
                + "\r\n"
                + "A-2;250;KES;KE;\"Otieno\r\nBrian\";plain\r\n"
                + ";;;;;\r\n"
                + "A-3;10;KES;KE;Chebet\r\n"
                + "\r\n\r\n";
        try (CsvRows rows = open(text, null)) {
            assertThat(rows.delimiter()).isEqualTo(';');
            assertThat(rows.header().usable()).isTrue();
            assertThat(rows.header().at(0)).isEqualTo(Column.REFERENCE); // the BOM is not part of the first name
            List<CsvRows.Row> all = readAll(rows);
            assertThat(all).extracting(CsvRows.Row::line).containsExactly(2L, 4L, 7L);
            assertThat(all.get(0).cells()).containsExactly("A-1", "1500", "KES", "KE", "Wanjiru; Alice", "Bonus \"Q2\", June");
            assertThat(all.get(1).cells()[4]).isEqualTo("Otieno\r\nBrian");
            assertThat(all.get(2).cells()).containsExactly("A-3", "10", "KES", "KE", "Chebet"); // a short row keeps its cells
        }
    }

    @Test
    void lineEndingsCanBeLfOrCrAlone() throws IOException {
        for (String newline : List.of("\n", "\r")) {
            try (CsvRows rows = open("reference,amount" + newline + "A,1" + newline + "B,2" + newline, null)) {
                assertThat(readAll(rows)).extracting(CsvRows.Row::line).containsExactly(2L, 3L);
            }
        }
    }

    @Test
    void aConfiguredDelimiterIsUsedAsIs() throws IOException {
        try (CsvRows rows = open("reference;amount,currency\nA;1,KES\n", ',')) {
            assertThat(rows.delimiter()).isEqualTo(',');
            assertThat(rows.header().problem()).contains("unknown column 'reference;amount'");
        }
    }

    @Test
    void anEmptyFileHasNoUsableHeader() throws IOException {
        try (CsvRows rows = open("\r\n\r\n", null)) {
            assertThat(rows.header().usable()).isFalse();
            assertThat(rows.header().problem()).startsWith("the file is empty");
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingTheLineItStartsOn() throws IOException {
        try (CsvRows rows = open("reference,amount\nA,1\nB,\"2\nC,3\n", null)) {
            assertThat(rows.next().line()).isEqualTo(2);
            assertThatThrownBy(rows::next).isInstanceOf(JsonProcessingException.class).hasMessageContaining("Missing closing quote");
            assertThat(rows.currentLine()).isEqualTo(3);
        }
    }

    static CsvRows open(String text, Character delimiter) throws IOException {
        return CsvRows.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), delimiter);
    }

    private static List<CsvRows.Row> readAll(CsvRows rows) throws IOException {
        List<CsvRows.Row> all = new ArrayList<>();
        for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
            all.add(row);
        }
        return all;
    }
}
