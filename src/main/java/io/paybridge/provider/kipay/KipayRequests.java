package io.paybridge.provider.kipay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.model.Customer;
import io.paybridge.model.PaymentCommand;
import io.paybridge.provider.ProviderRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Every request this bundle sends to Kipay, with its path (kipay.txt, Endpoints). */
final class KipayRequests {
    /** Kipay writes the Kenyan shilling so in its examples and defaults. */
    static final String CURRENCY = "KSH";
    /** Hosted-checkout references are {@code KIPAY…}; M-Pesa ones are not (the document shows {@code MPESA…}). */
    static final String CHECKOUT_PREFIX = "KIPAY";
    static final String LOOKUP = "customer-lookup";
    static final String CREATE = "customer-create";
    static final String STK_PUSH = "stk-push";
    static final String INITIALIZE = "initialize";

    private final KipayAuth auth;
    private final KipaySettings settings;
    private final ObjectMapper json;

    KipayRequests(KipayAuth auth, KipaySettings settings, ObjectMapper json) {
        this.auth = auth;
        this.settings = settings;
        this.json = json;
    }

    /** The call that moves money: STK push (our id as {@code reference}) or hosted checkout. */
    ProviderRequest payment(PaymentCommand command) {
        if (KipayRules.STK.equals(KipayRules.channel(command, settings))) {
            var body = new KipayMessages.StkPushRequest(KipayRules.wireAmount(command.amount()), KipayRules.msisdn(command.phone()),
                    settings.mpesaChannelId(), command.id(), command.description());
            return ProviderRequest.post(STK_PUSH, auth.url("mpesa/stk-push"), auth.jsonHeaders(), bytes(body));
        }
        String[] names = KipayRules.names(command.customer().name());
        var body = new KipayMessages.InitializeRequest(KipayRules.wireAmount(command.amount()), KipayRules.email(command),
                settings.checkoutChannelId(), command.description(), CURRENCY, names[0], names[1], command.phone());
        return ProviderRequest.post(INITIALIZE, auth.url("transactions/initialize"), auth.jsonHeaders(), bytes(body));
    }

    ProviderRequest lookupCustomer(String email) {
        return ProviderRequest.get(LOOKUP, auth.url("customers/list" + KipayListing.customers(Map.of("search", email, "limit", "100"))),
                auth.getHeaders());
    }

    ProviderRequest createCustomer(PaymentCommand command) {
        Customer c = command.customer();
        String[] names = KipayRules.names(c.name());
        var body = new KipayMessages.CustomerRequest(KipayRules.email(command), names[0], names[1], c.phone());
        return ProviderRequest.post(CREATE, auth.url("customers/create"), auth.jsonHeaders(), bytes(body));
    }

    /** By Kipay's reference: checkout transactions are verified, STK ones asked through M-Pesa. */
    ProviderRequest status(String reference) {
        String encoded = URLEncoder.encode(reference, StandardCharsets.UTF_8);
        return reference.startsWith(CHECKOUT_PREFIX)
                ? ProviderRequest.get("verify", auth.url("transactions/verify/" + encoded), auth.getHeaders())
                : ProviderRequest.get("stk-status", auth.url("mpesa/stk-status/" + encoded), auth.getHeaders());
    }

    ProviderRequest transactions(Map<String, String> filters) {
        return ProviderRequest.get("transactions", auth.url("transactions/list" + KipayListing.transactions(filters)), auth.getHeaders());
    }

    ProviderRequest customers(Map<String, String> filters) {
        return ProviderRequest.get("customers", auth.url("customers/list" + KipayListing.customers(filters)), auth.getHeaders());
    }

    ProviderRequest channels() {
        return ProviderRequest.get("channels", auth.url("payment-channels/list?active_only=true"), auth.getHeaders());
    }

    ProviderRequest registerC2bUrls(String confirmationUrl, String validationUrl) {
        var body = new KipayMessages.C2bUrlsRequest(settings.mpesaChannelId(), confirmationUrl, validationUrl);
        return ProviderRequest.post("register-c2b-urls", auth.url("mpesa/register-c2b-urls"), auth.jsonHeaders(), bytes(body));
    }

    ProviderRequest simulateC2b(Number amount, String msisdn, String reference) {
        var body = new KipayMessages.SimulateC2bRequest(settings.mpesaChannelId(), amount, msisdn, reference);
        return ProviderRequest.post("simulate-c2b", auth.url("mpesa/simulate-c2b"), auth.jsonHeaders(), bytes(body));
    }

    byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise Kipay request", e);
        }
    }
}
