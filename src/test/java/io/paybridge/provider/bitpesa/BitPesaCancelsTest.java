package io.paybridge.provider.bitpesa;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.model.Customer;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentOptions;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the connector asks for its own cancel ({@code followUp}), and how the cancel's answer reads:
 * fixtures in, canonical out.
 */
class BitPesaCancelsTest {
    static final String BASE = "https://api-sandbox.bitpesa.co";
    static final String TX = "b6648ba3-1c7b-4f59-8580-684899c84a07";

    private final BitPesaConnector connector = new BitPesaConnector(new BitPesaSettings(BASE, "key-1", "secret-1",
            "https://pay.example/callbacks/bitpesa", null, true, null), Json.newMapper());
    private final BitPesaResponses responses = new BitPesaResponses(Json.newMapper());

    private static PaymentCommand command(boolean cancelOnRecipientError) {
        return new PaymentCommand("pay-1", PaymentType.PAYOUT, "bitpesa", new BigDecimal("1500"), "KES", "KE",
                new Customer("+254712345678", null, "Jane Doe", null, null, null, null), null,
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.newMapper().createObjectNode().set("sender",
                        Json.newMapper().createObjectNode().put("external_id", "erp-cust-42")),
                null, cancelOnRecipientError ? new PaymentOptions(true) : null);
    }

    private static PaymentSnapshot snapshot(PaymentStatus status, String reference) {
        return new PaymentSnapshot("pay-1", PaymentType.PAYOUT, status, reference);
    }

    /** The status answer with the recipient in error, as the connector maps it. */
    private Outcome recipientError() {
        return connector.interpretStatus(snapshot(PaymentStatus.PENDING, TX), BitPesaFixtures.answer(200,
                "transaction-processing-recipient-error.json"));
    }

    @Test
    void recipientErrorIsCancelledOnceAskedByTheCommand() {
        Outcome outcome = recipientError();
        assertThat(outcome.status()).isEqualTo(PaymentStatus.NEEDS_REVIEW);
        ProviderRequest cancel = connector.followUp(command(true), snapshot(PaymentStatus.NEEDS_REVIEW, TX), outcome).orElseThrow();
        assertThat(cancel.operation()).isEqualTo("cancel-transaction");
        assertThat(cancel.method()).isEqualTo("DELETE");
        assertThat(cancel.url()).isEqualTo(BASE + "/v1/transactions/" + TX);
        assertThat(cancel.headers()).containsKeys("Authorization-Key", "Authorization-Nonce", "Authorization-Signature");
    }

    @Test
    void recipientErrorIsLeftForReviewWhenTheCommandDidNotAsk() {
        assertThat(connector.followUp(command(false), snapshot(PaymentStatus.NEEDS_REVIEW, TX), recipientError())).isEmpty();
        PaymentCommand explicitNo = command(false);
        explicitNo = new PaymentCommand(explicitNo.id(), explicitNo.type(), explicitNo.provider(), explicitNo.amount(),
                explicitNo.currency(), explicitNo.country(), explicitNo.customer(), null, explicitNo.metadata(), null,
                new PaymentOptions(false));
        assertThat(connector.followUp(explicitNo, snapshot(PaymentStatus.NEEDS_REVIEW, TX), recipientError())).isEmpty();
    }

    @Test
    void nothingToCancelWithoutATransactionOrOnceSettled() {
        Outcome noReference = recipientError();
        noReference = new Outcome(noReference.status(), null, noReference.providerStatus(), noReference.reason(), null, null);
        assertThat(connector.followUp(command(true), snapshot(PaymentStatus.NEEDS_REVIEW, null), noReference)).isEmpty();
        assertThat(connector.followUp(command(true), snapshot(PaymentStatus.NEEDS_REVIEW, TX), noReference))
                .as("the ledger's reference serves").isPresent();
        assertThat(connector.followUp(command(true), snapshot(PaymentStatus.CANCELLED, TX), recipientError()))
                .as("an operator cancelled it already").isEmpty();
    }

    @Test
    void otherRecipientTroubleAndOtherOutcomesAskForNothing() {
        Outcome stuck = Outcome.of(PaymentStatus.NEEDS_REVIEW, TX, "processing").withReason(new Reason(ReasonCodes.PROVIDER_ERROR,
                "BitPesa recipient is stuck", "recipient:stuck"));
        assertThat(connector.followUp(command(true), snapshot(PaymentStatus.NEEDS_REVIEW, TX), stuck)).isEmpty();
        for (String fixture : List.of("transaction-paid.json", "transaction-processing.json", "transaction-refunded.json",
                "transaction-canceled.json", "transaction-manual.json")) {
            Outcome outcome = connector.interpretStatus(snapshot(PaymentStatus.PENDING, TX), BitPesaFixtures.answer(200, fixture));
            assertThat(connector.followUp(command(true), snapshot(PaymentStatus.PENDING, TX), outcome)).as(fixture).isEmpty();
        }
    }

    @Test
    void refusedFundingFailsFirstThenCancelsTheUnfundedTransaction() {
        PaymentCommand command = command(false);
        List<ProviderCall> calls = new ArrayList<>();
        ProviderRequest next = connector.initiate(command);
        Step step = null;
        for (ProviderResponse answer : List.of(BitPesaFixtures.answer(200, "sender-list-approved.json"),
                BitPesaFixtures.answer(201, "transaction-initial.json"), BitPesaFixtures.answer(422, "debit-insufficient-funds.json"))) {
            calls.add(new ProviderCall(next, answer));
            step = connector.afterInitiation(command, calls);
            next = step.next();
        }
        assertThat(step.isDone()).as("the cancel is no step of the conversation").isTrue();
        Outcome failed = step.outcome();
        assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(failed.reason().code()).isEqualTo(ReasonCodes.INSUFFICIENT_FLOAT);
        assertThat(failed.reason().message()).contains("refused to fund transaction " + TX).contains("cancels the unfunded transaction");
        Optional<ProviderRequest> cancel = connector.followUp(command, snapshot(PaymentStatus.FAILED, TX), failed);
        assertThat(cancel).map(ProviderRequest::url).contains(BASE + "/v1/transactions/" + TX);
        Outcome otherFailure = Outcome.of(PaymentStatus.FAILED, TX, "HTTP 422");
        assertThat(connector.followUp(command, snapshot(PaymentStatus.FAILED, TX), otherFailure)).isEmpty();
    }

    @Test
    void acceptedCancelReadsAsCancelledWithTheRecipientsReason() {
        Outcome cancelled = connector.interpretStatus(snapshot(PaymentStatus.NEEDS_REVIEW, TX),
                BitPesaFixtures.answer(200, "cancel-accepted-recipient-error.json"));
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(cancelled.providerReference()).isEqualTo(TX);
        assertThat(cancelled.providerStatus()).isEqualTo("canceled");
        assertThat(cancelled.reason().message()).contains("cancelled").contains("Recipient's wallet is blocked");
        assertThat(connector.followUp(command(true), snapshot(PaymentStatus.CANCELLED, TX), cancelled)).isEmpty();
    }

    @Test
    void refusedCancelMovesNothing() {
        Outcome refused = connector.interpretStatus(snapshot(PaymentStatus.NEEDS_REVIEW, TX),
                BitPesaFixtures.answer(422, "cancel-refused-paid.json"));
        assertThat(refused.status()).as("the status API, not the refusal, decides").isNull();
        assertThat(BitPesaErrorMapper.fieldErrors(responses.body(BitPesaFixtures.answer(422, "cancel-refused-paid.json"))))
                .extracting(BitPesaErrorMapper.FieldError::error).containsExactly("cannot_cancel");
    }
}
