package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvHeaderTest {
    static final String KNOWN = "reference, amount, currency, country, phone, name, email, provider, bank_code, account, "
            + "description, doc_type, doc_number";

    @Test
    void columnsMayComeInAnyOrderAndAnyCase() {
        CsvHeader header = CsvHeader.parse(new String[] {" Phone ", "AMOUNT", "Bank Code", "doc-number", "reference", "Currency", "country"});
        assertThat(header.usable()).isTrue();
        assertThat(header.width()).isEqualTo(7);
        assertThat(header.at(0)).isEqualTo(Column.PHONE);
        assertThat(header.at(2)).isEqualTo(Column.BANK_CODE);
        assertThat(header.at(3)).isEqualTo(Column.DOC_NUMBER);
    }

    @Test
    void unknownColumnsAreNamedWithTheKnownOnes() {
        assertThat(CsvHeader.parse(new String[] {"reference", "amount", "currency", "country", "iban", "memo"}).problem())
                .isEqualTo("unknown columns 'iban', 'memo' in the header row; known columns: " + KNOWN);
    }

    @Test
    void aColumnTwiceOrUnnamedOrMissingMakesTheHeaderUnusable() {
        assertThat(CsvHeader.parse(new String[] {"reference", "amount", "Amount", "currency", "country"}).problem())
                .isEqualTo("column 'amount' appears more than once in the header row");
        assertThat(CsvHeader.parse(new String[] {"reference", "amount", "", "currency", "country"}).problem())
                .isEqualTo("column 3 of the header row has no name; every column needs one of: " + KNOWN);
        assertThat(CsvHeader.parse(new String[] {"reference", "phone"}).problem())
                .isEqualTo("the header row lacks required columns amount, currency, country; known columns: " + KNOWN);
    }
}
