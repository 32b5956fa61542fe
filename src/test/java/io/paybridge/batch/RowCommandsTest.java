package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paybridge.config.Json;
import io.paybridge.intake.CommandReader;
import io.paybridge.intake.CommandSchema;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import org.junit.jupiter.api.Test;

class RowCommandsTest {
    final RowCommands commands = new RowCommands(Json.newMapper());
    final CsvHeader header = CsvHeader.parse(new String[] {"reference", "amount", "currency", "country", "phone", "name", "email",
            "provider", "bank_code", "account", "description", "doc_type", "doc_number"});

    @Test
    void everyColumnFillsItsCanonicalField() {
        CsvRows.Row row = new CsvRows.Row(7, new String[] {" R-1 ", "1500.50", "kes", "ke", "0712345678", "Alice", "a@b.co",
                "bluepay", "01", "123", "June", "ID", "12345678"});
        ObjectNode json = commands.toCommand(header, row, "b-0123456789abcdef");
        assertThat(json.toString()).isEqualTo("{\"id\":\"R-1\",\"amount\":\"1500.50\",\"currency\":\"KES\",\"country\":\"KE\","
                + "\"provider\":\"bluepay\",\"description\":\"June\",\"type\":\"PAYOUT\",\"customer\":{\"phone\":\"0712345678\","
                + "\"name\":\"Alice\",\"email\":\"a@b.co\",\"bankCode\":\"01\",\"account\":\"123\",\"documentType\":\"ID\","
                + "\"documentNumber\":\"12345678\"},\"batch\":{\"fileId\":\"b-0123456789abcdef\",\"line\":7}}");
        CommandReader.Result read = new CommandReader(Json.newMapper(), new CommandSchema()).read(json);
        assertThat(read.invalid()).isNull();
        PaymentCommand command = read.command();
        assertThat(command.type()).isEqualTo(PaymentType.PAYOUT);
        assertThat(command.phone()).isEqualTo("+254712345678");
        assertThat(command.batch().line()).isEqualTo(7);
    }

    @Test
    void emptyAndMissingCellsAreAbsentFields() {
        CsvRows.Row row = new CsvRows.Row(2, new String[] {"R-2", "10", " ", "KE"});
        ObjectNode json = commands.toCommand(header, row, "b-1");
        assertThat(json.has("currency")).isFalse();
        assertThat(json.has("customer")).isFalse();
        assertThat(RowCommands.reference(header, row)).isEqualTo("R-2");
        assertThat(RowCommands.reference(header, new CsvRows.Row(3, new String[] {"  "}))).isNull();
    }
}
