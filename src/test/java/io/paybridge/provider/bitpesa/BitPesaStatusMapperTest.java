package io.paybridge.provider.bitpesa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.config.Json;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.bitpesa.BitPesaStatusMapper.RecipientState;
import io.paybridge.provider.bitpesa.BitPesaStatusMapper.SenderState;
import io.paybridge.provider.bitpesa.BitPesaStatusMapper.TransactionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transaction, recipient and sender state of NOTES.md, plus an unknown one, fixture in and canonical out. */
class BitPesaStatusMapperTest {
    private final BitPesaResponses responses = new BitPesaResponses(Json.newMapper());

    private JsonNode transaction(String fixture) {
        return BitPesaResponses.first(responses.body(BitPesaFixtures.answer(200, fixture)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"initial, PENDING", "approved, PENDING", "pending, PENDING", "processing, PENDING", "received, PENDING",
            "mispaid, NEEDS_REVIEW", "manual, NEEDS_REVIEW", "paid, SUCCEEDED", "canceled, CANCELLED", "refunded, FAILED",
            "exception, NEEDS_REVIEW", "unknown-state, PENDING"})
    void everyTransactionState(String state, PaymentStatus expected) {
        Outcome outcome = BitPesaResponses.transaction(transaction("transaction-" + state + ".json"), false);
        assertThat(outcome.status()).isEqualTo(expected);
        assertThat(outcome.providerReference()).isEqualTo("b6648ba3-1c7b-4f59-8580-684899c84a07");
        assertThat(outcome.providerStatus()).isEqualTo(state.equals("unknown-state") ? "teleported" : state);
        if (state.equals("unknown-state")) {
            assertThat(outcome.reason().code()).isEqualTo(ReasonCodes.UNKNOWN_PROVIDER_STATUS);
        }
    }

    @Test
    void refundAfterSuccessIsAReversal() {
        assertThat(BitPesaResponses.transaction(transaction("transaction-refunded.json"), true).status()).isEqualTo(PaymentStatus.REVERSED);
    }

    @Test
    void recipientInErrorWhileTheTransactionIsInFlightNeedsReview() {
        Outcome outcome = BitPesaResponses.transaction(transaction("transaction-processing-recipient-error.json"), false);
        assertThat(outcome.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCodes.DECLINED);
        assertThat(outcome.reason().message()).contains("error").contains("Recipient's wallet is blocked");
        assertThat(outcome.reason().providerCode()).isEqualTo("recipient:error");
    }

    @ParameterizedTest(name = "recipient {0} -> {1}")
    @CsvSource(nullValues = "none", value = {"INITIAL, none", "PENDING, none", "SUCCESS, none", "ERROR, DECLINED", "REFUNDED, none",
            "MANUAL, PROVIDER_ERROR", "STUCK, PROVIDER_ERROR", "OVERPAID, PROVIDER_ERROR", "CANCELED, none", "EXCEPTION, PROVIDER_ERROR",
            "UNKNOWN, none"})
    void everyRecipientState(RecipientState state, String problem) {
        assertThat(BitPesaStatusMapper.recipientProblem(state)).isEqualTo(problem);
        assertThat(BitPesaStatusMapper.recipientState(state.name().toLowerCase())).isEqualTo(state);
    }

    @ParameterizedTest
    @EnumSource(SenderState.class)
    void onlyApprovedSendersMayFund(SenderState state) {
        assertThat(BitPesaStatusMapper.senderMayFund(state)).isEqualTo(state == SenderState.APPROVED);
    }

    @Test
    void unknownWordsParseToUnknown() {
        assertThat(BitPesaStatusMapper.transactionState("teleported")).isEqualTo(TransactionState.UNKNOWN);
        assertThat(BitPesaStatusMapper.transactionState(null)).isEqualTo(TransactionState.UNKNOWN);
        assertThat(BitPesaStatusMapper.transactionState("unknown")).isEqualTo(TransactionState.UNKNOWN);
        assertThat(BitPesaStatusMapper.recipientState("weird")).isEqualTo(RecipientState.UNKNOWN);
        assertThat(BitPesaStatusMapper.senderState("weird")).isEqualTo(SenderState.UNKNOWN);
    }
}
