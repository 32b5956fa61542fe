package io.paybridge.provider.bitnovapay;

import static io.paybridge.provider.bitnovapay.BitnovaPayAuth.Namespace.BUSINESS;
import static io.paybridge.provider.bitnovapay.BitnovaPayAuth.Namespace.PERSONAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every request this bundle sends to BitnovaPay, with its path and key. The document names the
 * balance, channels, stk-push, charges and payment paths; it shows the status, transactions,
 * withdrawal and webhook shapes without their paths, so those follow the same REST style
 * ({@code payment/{reference}}, {@code transactions}, {@code withdraw},
 * {@code withdrawals/{reference}}, {@code webhooks}) and live only here.
 */
final class BitnovaPayRequests {
    static final List<String> EVENTS = List.of("payment.success", "payment.failed", "withdrawal.success", "withdrawal.failed");
    /** Direct Pay references start so ({@code MDA-…}); Smart Gateway ones are {@code BNP-…}. */
    static final String DIRECT_PAY_PREFIX = "MDA-";

    private final BitnovaPayAuth auth;
    private final ObjectMapper json;

    BitnovaPayRequests(BitnovaPayAuth auth, ObjectMapper json) {
        this.auth = auth;
        this.json = json;
    }

    ProviderRequest stkPush(PaymentCommand command, long channelId) {
        Customer c = command.customer();
        var body = new BitnovaPayMessages.StkPushRequest(channelId, BitnovaPayRules.wireAmount(command.amount()),
                BitnovaPayRules.msisdn(command.phone()), BitnovaPayTransactions.describeDirectPay(command.id(), command.description()),
                c == null ? null : c.name(), c == null ? null : c.email());
        return ProviderRequest.post("stk-push", auth.url(PERSONAL, "stk-push"), auth.jsonHeaders(PERSONAL), bytes(body));
    }

    ProviderRequest gatewayPayment(PaymentCommand command, String method) {
        Customer c = command.customer();
        var body = new BitnovaPayMessages.PaymentRequest(method, BitnovaPayRules.wireAmount(command.amount()),
                "mpesa".equals(method) ? BitnovaPayRules.msisdn(command.phone()) : null,
                BitnovaPayTransactions.describe(command.id(), command.description()), c == null ? null : c.email());
        return ProviderRequest.post("payment-" + method, auth.url(BUSINESS, "payment"), auth.jsonHeaders(BUSINESS), bytes(body));
    }

    ProviderRequest withdrawal(PaymentCommand command, String method) {
        Customer c = command.customer();
        String account = switch (method) {
            case "mpesa" -> BitnovaPayRules.msisdn(command.phone());
            case "bank" -> c.account();
            default -> c.email();
        };
        var body = new BitnovaPayMessages.WithdrawalRequest(BitnovaPayRules.wireAmount(command.amount()), method, account);
        return ProviderRequest.post("withdraw", auth.url(PERSONAL, "withdraw"), auth.jsonHeaders(PERSONAL), bytes(body));
    }

    ProviderRequest channels() {
        return ProviderRequest.get("channels", auth.url(PERSONAL, "channels"), auth.getHeaders(PERSONAL));
    }

    ProviderRequest createChannel(String label, String type, String shortcode) {
        var body = new BitnovaPayMessages.ChannelRequest(label, type, shortcode, null);
        return ProviderRequest.post("create-channel", auth.url(PERSONAL, "channels"), auth.jsonHeaders(PERSONAL), bytes(body));
    }

    /** By reference, in the namespace that created the payment; withdrawals by their own path. */
    ProviderRequest status(PaymentSnapshot payment) {
        String reference = encode(payment.providerReference());
        if (payment.type() == PaymentType.PAYOUT) {
            return ProviderRequest.get("withdrawal-status", auth.url(PERSONAL, "withdrawals/" + reference), auth.getHeaders(PERSONAL));
        }
        var namespace = payment.providerReference().startsWith(DIRECT_PAY_PREFIX) ? PERSONAL : BUSINESS;
        return ProviderRequest.get("payment-status", auth.url(namespace, "payment/" + reference), auth.getHeaders(namespace));
    }

    ProviderRequest transactions(BitnovaPayTransactions filter) {
        return ProviderRequest.get("transactions", auth.url(PERSONAL, "transactions" + filter.query()), auth.getHeaders(PERSONAL));
    }

    ProviderRequest balance() {
        return ProviderRequest.get("balance", auth.url(PERSONAL, "balance"), auth.getHeaders(PERSONAL));
    }

    ProviderRequest registerWebhook(String url) {
        var body = new BitnovaPayMessages.WebhookRequest(url, EVENTS, "api");
        return ProviderRequest.post("register-webhook", auth.url(PERSONAL, "webhooks"), auth.jsonHeaders(PERSONAL), bytes(body));
    }

    ProviderRequest webhooks() {
        return ProviderRequest.get("webhooks", auth.url(PERSONAL, "webhooks"), auth.getHeaders(PERSONAL));
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise BitnovaPay request", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
