package io.paybridge.provider.bitpesa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.config.Json;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 422 field errors name the canonical field; other statuses map by HTTP code. */
class BitPesaErrorMapperTest {
    private final BitPesaResponses responses = new BitPesaResponses(Json.newMapper());

    private JsonNode body(String fixture) {
        return responses.body(BitPesaFixtures.answer(422, fixture));
    }

    @Test
    void phoneErrorNamesCustomerPhone() {
        Reason reason = BitPesaErrorMapper.reason(422, body("errors-422-phone.json"));
        assertThat(reason.code()).isEqualTo(ReasonCodes.INVALID_PHONE);
        assertThat(reason.message()).isEqualTo("BitPesa rejected customer.phone (phone_number): invalid");
        assertThat(reason.providerCode()).isEqualTo("422:phone_number:invalid");
    }

    @Test
    void nestedErrorsAreAllCollectedWithTheirPaths() {
        Reason reason = BitPesaErrorMapper.reason(422, body("errors-422-nested.json"));
        assertThat(reason.code()).isEqualTo(ReasonCodes.VALIDATION_FAILED);
        assertThat(reason.message()).isEqualTo("BitPesa rejected customer.account (recipients.0.payout_method.details.bank_account): "
                + "invalid; customer.bankCode (recipients.0.payout_method.details.bank_code): blank");
    }

    @Test
    void duplicateExternalIdIsRecognised() {
        assertThat(BitPesaErrorMapper.isDuplicateExternalId(body("errors-422-duplicate-external-id.json"))).isTrue();
        assertThat(BitPesaErrorMapper.isDuplicateExternalId(body("errors-422-phone.json"))).isFalse();
        assertThat(BitPesaErrorMapper.reason(422, body("errors-422-duplicate-external-id.json")).code())
                .isEqualTo(ReasonCodes.DUPLICATE_REFERENCE);
    }

    @Test
    void senderErrorsPointIntoMetadataSender() {
        Reason reason = BitPesaErrorMapper.reason(422, body("errors-422-sender.json"), "metadata.sender.");
        assertThat(reason.message()).isEqualTo("BitPesa rejected metadata.sender.birth_date (birth_date): blank; "
                + "metadata.sender.email (email): invalid");
    }

    @Test
    void insufficientBalanceOnDebit() {
        Reason reason = BitPesaErrorMapper.reason(422, body("debit-insufficient-funds.json"));
        assertThat(reason.code()).isEqualTo(ReasonCodes.INSUFFICIENT_FLOAT);
        assertThat(reason.message()).contains("amount");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"400, VALIDATION_FAILED", "401, AUTHENTICATION_FAILED", "403, AUTHENTICATION_FAILED", "404, VALIDATION_FAILED",
            "422, VALIDATION_FAILED", "429, PROVIDER_UNAVAILABLE", "500, PROVIDER_ERROR", "503, PROVIDER_UNAVAILABLE", "418, DECLINED"})
    void httpStatuses(int status, String code) {
        assertThat(BitPesaErrorMapper.reason(status, null).code()).isEqualTo(code);
    }
}
