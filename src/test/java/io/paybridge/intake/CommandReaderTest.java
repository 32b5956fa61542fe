package io.paybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every intake door's validation: JSON, the published schema, contract rules, phone normalisation. */
class CommandReaderTest {
    static final CommandReader READER = new CommandReader(Json.newMapper(), new CommandSchema());
    static final String VALID = "{\"id\":\"INV-1\",\"type\":\"PAYOUT\",\"amount\":\"100.50\",\"currency\":\"KES\",\"country\":\"KE\","
            + "\"customer\":{\"phone\":\"0712 345 678\"},\"metadata\":{\"erp\":{\"doc\":42}}}";

    @Test
    void readsAValidCommandKeepingTheAmountExact() {
        PaymentCommand command = read(VALID).command();
        assertThat(command.amount()).isEqualByComparingTo("100.50");
        assertThat(command.amount().scale()).isEqualTo(2);
        assertThat(command.phone()).isEqualTo("+254712345678");
        assertThat(command.metadata().at("/erp/doc").asInt()).isEqualTo(42);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "json float amount          | \"amount\":\"100.50\"          | \"amount\":100.5            | amount          | type",
            "negative amount            | \"amount\":\"100.50\"          | \"amount\":\"-5\"           | amount          | pattern",
            "zero amount                | \"amount\":\"100.50\"          | \"amount\":\"0.00\"         | amount          | positive",
            "finer than minor unit      | \"amount\":\"100.50\"          | \"amount\":\"100.505\"      | amount          | minor-units",
            "unknown currency           | \"currency\":\"KES\"           | \"currency\":\"XYZ\"        | currency        | iso-4217",
            "lower-case currency        | \"currency\":\"KES\"           | \"currency\":\"kes\"        | currency        | pattern",
            "unknown country            | \"country\":\"KE\"             | \"country\":\"QQ\"          | country         | iso-3166",
            "bad phone                  | \"phone\":\"0712 345 678\"     | \"phone\":\"12\"            | customer.phone  | phone-number",
            "bad id                     | \"id\":\"INV-1\"               | \"id\":\"INV 1\"            | id              | pattern",
            "unknown type               | \"type\":\"PAYOUT\"            | \"type\":\"REFUND\"         | type            | enum",
            "unknown field              | \"country\":\"KE\"             | \"country\":\"KE\",\"x\":1  | x               | additionalProperties",
            "missing currency           | \"currency\":\"KES\",          | ''                          | currency        | required",
            "unknown option             | \"country\":\"KE\"             | \"country\":\"KE\",\"options\":{\"refundTwice\":true} | options.refundTwice | additionalProperties",
            "option not boolean         | \"country\":\"KE\"             | \"country\":\"KE\",\"options\":{\"cancelOnRecipientError\":\"yes\"} | options.cancelOnRecipientError | type",
    })
    void namesTheFieldAndTheRule(String name, String from, String to, String field, String rule) {
        CommandReader.Result result = read(VALID.replace(from, to.equals("''") ? "" : to));
        assertThat(result.command()).isNull();
        assertThat(result.invalid().violations()).extracting(Violation::field, Violation::rule).contains(org.assertj.core.groups.Tuple.tuple(field, rule));
    }

    @Test
    void optionsSurvivePhoneNormalisationAndAreLeftOutWhenNotGiven() throws Exception {
        PaymentCommand asked = read(VALID.replace("\"country\":\"KE\"", "\"country\":\"KE\",\"options\":{\"cancelOnRecipientError\":true}"))
                .command();
        assertThat(asked.phone()).isEqualTo("+254712345678");
        assertThat(asked.cancelOnRecipientError()).isTrue();
        assertThat(asked.withProvider("bitpesa").cancelOnRecipientError()).isTrue();
        PaymentCommand plain = read(VALID).command();
        assertThat(plain.cancelOnRecipientError()).isFalse();
        String json = Json.newMapper().writeValueAsString(plain);
        assertThat(json).as("commands stored before options existed keep their fingerprint").doesNotContain("options");
        assertThat(Json.newMapper().readValue(Json.newMapper().writeValueAsString(asked), PaymentCommand.class)).isEqualTo(asked);
    }

    @Test
    void ugandanShillingsHaveNoDecimals() {
        String ugx = VALID.replace("\"KES\"", "\"UGX\"").replace("\"KE\"", "\"UG\"").replace("0712 345 678", "+256712345678");
        assertThat(read(ugx).invalid().violations()).extracting(Violation::rule).containsExactly("minor-units");
        assertThat(read(ugx.replace("100.50", "100")).command()).isNotNull();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        CommandReader.Result result = read("{\"type\":\"PAYOUT\",\"amount\":1,\"currency\":\"KES\"}");
        assertThat(result.invalid().violations()).extracting(Violation::field).contains("id", "country", "amount");
    }

    @Test
    void notJsonIsNamedAsSuch() {
        List<Violation> violations = read("{not json").invalid().violations();
        assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("$", "json"));
        assertThat(read("").invalid().violations()).extracting(Violation::rule).containsExactly("json");
    }

    @Test
    void keepsTheIdOfAnInvalidCommandForTheRejection() {
        assertThat(read(VALID.replace("\"100.50\"", "\"abc\"")).invalid().id()).isEqualTo("INV-1");
    }

    private static CommandReader.Result read(String json) {
        return READER.read(json.getBytes(StandardCharsets.UTF_8));
    }
}
