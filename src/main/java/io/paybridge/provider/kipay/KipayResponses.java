package io.paybridge.provider.kipay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.CustomerAction;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.ProviderResponse;
import java.io.IOException;
import java.util.Optional;

/** Reads Kipay's answers into canonical outcomes and customer ids. */
final class KipayResponses {
    private final ObjectMapper json;

    KipayResponses(ObjectMapper json) {
        this.json = json;
    }

    /** {@code mpesa/stk-push}: the customer approves on the phone; Kipay's reference is {@code transaction.reference}. */
    Outcome stkAccepted(ProviderResponse response) {
        KipayMessages.TransactionAnswer answer = read(response, KipayMessages.TransactionAnswer.class);
        if (answer == null || answer.transaction() == null || answer.transaction().reference() == null) {
            return unreadable(response);
        }
        return transaction(answer.transaction()).withCustomerAction(CustomerAction.approveOnPhone());
    }

    /** {@code transactions/initialize}: the customer pays on {@code authorization_url}; the payment stays PENDING. */
    Outcome initialized(ProviderResponse response) {
        KipayMessages.TransactionAnswer answer = read(response, KipayMessages.TransactionAnswer.class);
        String reference = answer == null ? null : answer.reference() != null ? answer.reference()
                : answer.transaction() == null ? null : answer.transaction().reference();
        if (reference == null || answer.authorizationUrl() == null) {
            return unreadable(response);
        }
        return Outcome.of(PaymentStatus.PENDING, reference, "pending").withCustomerAction(CustomerAction.redirect(answer.authorizationUrl()));
    }

    /** {@code transactions/verify} or {@code mpesa/stk-status}. */
    Outcome status(ProviderResponse response) {
        KipayMessages.TransactionAnswer answer = read(response, KipayMessages.TransactionAnswer.class);
        if (answer == null) {
            return Outcome.nothingKnown("HTTP " + response.statusCode());
        }
        if (answer.transaction() != null && answer.transaction().status() != null) {
            return transaction(answer.transaction());
        }
        if (KipayStatusMapper.isKnown(answer.status())) { // verify merges the transaction status over "success"
            return transaction(new KipayMessages.Transaction(null, answer.reference(), null, answer.status(), null, null, null));
        }
        return Outcome.nothingKnown(answer.status());
    }

    Outcome error(ProviderResponse response) {
        return KipayErrorMapper.map(response.statusCode(), read(response, KipayMessages.ErrorEnvelope.class));
    }

    /** The customer with exactly this email in a {@code customers/list?search=} answer (search also matches names and phones). */
    Optional<Long> customerWithEmail(String email, ProviderResponse response) {
        KipayMessages.CustomerList list = read(response, KipayMessages.CustomerList.class);
        if (list == null || list.data() == null) {
            return Optional.empty();
        }
        return list.data().stream().filter(c -> c.email() != null && c.id() != null && KipayCustomers.key(c.email()).equals(KipayCustomers.key(email)))
                .map(KipayMessages.Customer::id).findFirst();
    }

    Optional<Long> createdCustomer(ProviderResponse response) {
        KipayMessages.CustomerAnswer answer = read(response, KipayMessages.CustomerAnswer.class);
        return answer == null || answer.customer() == null ? Optional.empty() : Optional.ofNullable(answer.customer().id());
    }

    private static Outcome transaction(KipayMessages.Transaction t) {
        PaymentStatus status = KipayStatusMapper.toCanonical(t.status());
        Outcome outcome = Outcome.of(status, t.reference(), t.status());
        if (status == PaymentStatus.FAILED) {
            return outcome.withReason(new Reason(ReasonCodes.DECLINED, "Kipay reports the payment failed", t.status()));
        }
        if (!KipayStatusMapper.isKnown(t.status())) {
            return outcome.withReason(new Reason(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "Kipay status not recognised: " + t.status(), t.status()));
        }
        return outcome;
    }

    private static Outcome unreadable(ProviderResponse response) {
        // A 2xx we cannot read may still mean Kipay took the payment: only an operator can tell.
        return Outcome.of(PaymentStatus.NEEDS_REVIEW, null, "HTTP " + response.statusCode())
                .withReason(Reason.of(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "Kipay answered in a shape this bundle cannot read"));
    }

    private <T> T read(ProviderResponse response, Class<T> type) {
        if (response.body() == null || response.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            return null;
        }
    }
}
