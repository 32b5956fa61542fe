package io.paybridge.provider.bitnovapay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.CustomerAction;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.ProviderResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Reads BitnovaPay's answers into canonical outcomes. */
final class BitnovaPayResponses {
    private final ObjectMapper json;

    BitnovaPayResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Direct Pay STK or Smart Gateway M-Pesa: the customer approves on the phone. */
    Outcome stkAccepted(ProviderResponse response) {
        BitnovaPayMessages.Payment answer = read(response, BitnovaPayMessages.Payment.class);
        if (answer == null || answer.providerReference() == null) {
            return unreadable(response);
        }
        return payment(answer).withCustomerAction(CustomerAction.approveOnPhone());
    }

    /** Card, PayPal, crypto: the customer finishes on the page BitnovaPay names; the payment stays PENDING. */
    Outcome redirectAccepted(ProviderResponse response) {
        BitnovaPayMessages.Payment answer = read(response, BitnovaPayMessages.Payment.class);
        if (answer == null || answer.providerReference() == null || answer.redirect() == null) {
            return unreadable(response);
        }
        String raw = answer.status() != null ? answer.status() : answer.gateway();
        return Outcome.of(PaymentStatus.PENDING, answer.providerReference(), raw)
                .withFee(answer.fee()).withCustomerAction(CustomerAction.redirect(answer.redirect()));
    }

    /** The withdrawal answer and the status answers share the payment shape. */
    Outcome payment(ProviderResponse response) {
        BitnovaPayMessages.Payment answer = read(response, BitnovaPayMessages.Payment.class);
        return answer == null || answer.providerReference() == null ? unreadable(response) : payment(answer);
    }

    /** One page of transactions: the row this bundle sent for {@code paymentId}, found by its description. */
    Outcome listing(String paymentId, ProviderResponse response) {
        BitnovaPayMessages.TransactionsPage page = read(response, BitnovaPayMessages.TransactionsPage.class);
        if (page == null || page.data() == null) {
            return Outcome.nothingKnown("HTTP " + response.statusCode());
        }
        List<BitnovaPayMessages.Payment> rows = BitnovaPayTransactions.sentFor(paymentId, page.data());
        if (rows.isEmpty()) {
            return Outcome.nothingKnown("NOT_LISTED");
        }
        if (rows.size() > 1) {
            return Outcome.of(PaymentStatus.NEEDS_REVIEW, null, "LISTED_" + rows.size() + "_TIMES").withReason(Reason.of(
                    ReasonCodes.DUPLICATE_REFERENCE, "BitnovaPay lists " + rows.size() + " transactions for this payment"));
        }
        return payment(rows.get(0));
    }

    Outcome error(ProviderResponse response) {
        return BitnovaPayErrorMapper.map(response.statusCode(), read(response, BitnovaPayMessages.ErrorEnvelope.class));
    }

    /** The id of the channel with this label in a channel listing. */
    Optional<Long> channelWithLabel(String label, ProviderResponse response) {
        BitnovaPayMessages.ChannelList list = read(response, BitnovaPayMessages.ChannelList.class);
        if (list == null || list.data() == null) {
            return Optional.empty();
        }
        return list.data().stream().filter(ch -> label.equalsIgnoreCase(ch.label()) && !Boolean.FALSE.equals(ch.active()))
                .map(BitnovaPayMessages.Channel::id).filter(java.util.Objects::nonNull).findFirst();
    }

    /** The id of a channel just created; the document shows no answer, so {@code id} or {@code data.id}. */
    Optional<Long> createdChannel(ProviderResponse response) {
        JsonNode node = read(response, JsonNode.class);
        if (node == null) {
            return Optional.empty();
        }
        JsonNode id = node.has("id") ? node.get("id") : node.path("data").get("id");
        return id != null && id.canConvertToLong() ? Optional.of(id.asLong()) : Optional.empty();
    }

    BitnovaPayMessages.WebhookRegistration registration(ProviderResponse response) {
        return read(response, BitnovaPayMessages.WebhookRegistration.class);
    }

    private static Outcome payment(BitnovaPayMessages.Payment answer) {
        PaymentStatus status = BitnovaPayStatusMapper.toCanonical(answer.status());
        Outcome outcome = Outcome.of(status, answer.providerReference(), answer.status()).withFee(answer.fee());
        if (status == PaymentStatus.FAILED) {
            String why = answer.message() != null ? answer.message() : "BitnovaPay reports the payment failed";
            return outcome.withReason(new Reason(ReasonCodes.DECLINED, why, answer.status()));
        }
        if (!BitnovaPayStatusMapper.isKnown(answer.status())) {
            return outcome.withReason(new Reason(ReasonCodes.UNKNOWN_PROVIDER_STATUS,
                    "BitnovaPay status not recognised: " + answer.status(), answer.status()));
        }
        return outcome;
    }

    private static Outcome unreadable(ProviderResponse response) {
        // A 2xx we cannot read may still mean BitnovaPay took the payment: only its status can tell.
        return Outcome.of(PaymentStatus.NEEDS_REVIEW, null, "HTTP " + response.statusCode())
                .withReason(Reason.of(ReasonCodes.UNKNOWN_PROVIDER_STATUS, "BitnovaPay answered in a shape this bundle cannot read"));
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
