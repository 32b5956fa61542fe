package io.paybridge.dispatch;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentType;
import io.paybridge.model.Violation;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import io.paybridge.provider.Connector;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import io.paybridge.provider.WebhookVerifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A connector with the SPI's defaults and nothing else, for unit tests of what the defaults decide. */
final class FakeConnector implements Connector {
    private final boolean canLookUp;

    FakeConnector() {
        this(true);
    }

    FakeConnector(boolean canLookUp) {
        this.canLookUp = canLookUp;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public boolean supports(PaymentType type) {
        return true;
    }

    @Override
    public List<Violation> check(PaymentCommand command) {
        return List.of();
    }

    @Override
    public ProviderRequest initiate(PaymentCommand command) {
        return ProviderRequest.post("pay", "http://fake/pay", Map.of(), new byte[0]);
    }

    @Override
    public Step afterInitiation(PaymentCommand command, List<ProviderCall> calls) {
        return Step.done(Outcome.nothingKnown("?"));
    }

    @Override
    public Optional<ProviderRequest> statusQuery(PaymentSnapshot payment) {
        return canLookUp ? Optional.of(ProviderRequest.get("status", "http://fake/status/" + payment.id(), Map.of())) : Optional.empty();
    }

    @Override
    public Outcome interpretStatus(PaymentSnapshot payment, ProviderResponse response) {
        return Outcome.nothingKnown("?");
    }

    @Override
    public WebhookVerifier webhookVerifier() {
        return null;
    }

    @Override
    public CallbackUpdate readCallback(byte[] rawBody, CallbackHeaders headers) {
        return null;
    }
}
