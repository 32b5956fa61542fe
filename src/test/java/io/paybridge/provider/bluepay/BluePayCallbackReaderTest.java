package io.paybridge.provider.bluepay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.model.PaymentStatus;
import io.paybridge.provider.CallbackHeaders;
import io.paybridge.provider.CallbackUpdate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document's webhook payloads, read into canonical updates. */
class BluePayCallbackReaderTest {
    final BluePayCallbackReader reader = new BluePayCallbackReader(Json.newMapper());
    final CallbackHeaders headers = new CallbackHeaders(Map.of("Idempotency-Key", "delivery-1"));

    @Test
    void stkSuccessMatchesOnAccountReference() {
        CallbackUpdate update = reader.read(Fixtures.bytes("bluepay", "callback-payment-received"), headers);
        assertThat(update.paymentId()).isEqualTo("BPINV-001");
        assertThat(update.outcome().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(update.outcome().providerReference()).isEqualTo("ws_CO_...");
        assertThat(update.deliveryKey()).isEqualTo("delivery-1");
        assertThat(update.confirm()).isFalse();
    }

    @Test
    void stkFailureKeepsTheProvidersWords() {
        CallbackUpdate update = reader.read(Fixtures.bytes("bluepay", "callback-payment-failed"), headers);
        assertThat(update.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(update.outcome().reason().message()).isEqualTo("Request cancelled by user");
        assertThat(update.outcome().reason().providerCode()).isEqualTo("mpesa.payment.failed");
    }

    @Test
    void payoutEventsMatchOnExternalReferenceAndCarryTheFee() {
        CallbackUpdate ok = reader.read(Fixtures.bytes("bluepay", "callback-b2c-success"), headers);
        assertThat(ok.paymentId()).isEqualTo("WD-2024-001");
        assertThat(ok.outcome().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(ok.outcome().fee()).isEqualByComparingTo("25");
        CallbackUpdate failed = reader.read(Fixtures.bytes("bluepay", "callback-b2c-failed"), headers);
        assertThat(failed.outcome().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(failed.outcome().reason().message()).isEqualTo("The initiator information is invalid.");
    }

    @Test
    void walletTopUpsConcernNoPayment() {
        CallbackUpdate update = reader.read(Fixtures.bytes("bluepay", "callback-wallet-topup"), headers);
        assertThat(update.outcome()).isNull();
        assertThat(update.paymentId()).isNull();
    }
}
