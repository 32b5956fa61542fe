package io.paybridge.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.config.Json;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.PaymentType;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.bitnovapay.BitnovaPayConnector;
import io.paybridge.provider.bitnovapay.BitnovaPaySettings;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import io.paybridge.provider.kipay.KipayConnector;
import io.paybridge.provider.kipay.KipaySettings;
import io.paybridge.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The canonical mappers, through the public connector door the bundle uses
 * ({@code interpretStatus}: the provider's status answer, a documented fixture, → {@link Outcome}),
 * against a hand-written twin that reads the same bytes as a tree with the same ObjectMapper and
 * switches on the status word. The twin knows only the words in its fixture; the connectors know
 * every documented word, the fee and the unknown-status fallback, so some gap is the price of that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MapperBench {
    final ObjectMapper json = Json.newMapper();

    BluePayConnector bluePay;
    PaymentSnapshot bluePayPayout;
    ProviderResponse bluePayAnswer;

    BitnovaPayConnector bitnova;
    PaymentSnapshot bitnovaPayment;
    ProviderResponse bitnovaAnswer;

    KipayConnector kipay;
    PaymentSnapshot kipayPayment;
    ProviderResponse kipayAnswer;

    @Setup
    public void setUp() {
        bluePay = new BluePayConnector(new BluePaySettings("http://bluepay.test", "secret", null, null,
                "550e8400-e29b-41d4-a716-446655440000", "https://erp.example/callbacks/bluepay"), json);
        bluePayPayout = new PaymentSnapshot("pay-1", PaymentType.PAYOUT, PaymentStatus.PENDING, "7d9f3c1e-8a4b-4b7e-9c1d-2f6a5e4b3c21");
        bluePayAnswer = new ProviderResponse(200, Fixtures.bytes("bluepay/payout-status-success.json"));

        bitnova = new BitnovaPayConnector(new BitnovaPaySettings("https://bitnovapay.example/", "pk_test", "bsk_test",
                null, null, null, null, "https://erp.example/callbacks/bitnovapay", null, null), json);
        bitnovaPayment = new PaymentSnapshot("pay-2", PaymentType.COLLECTION, PaymentStatus.PENDING, "BNP-XXXXXXXXXX");
        bitnovaAnswer = new ProviderResponse(200, Fixtures.bytes("bitnovapay/status_completed.json"));

        kipay = new KipayConnector(new KipaySettings("https://kipay.example/", "kp_key", "kp_secret", 7L, 1L, null, null, null), json);
        kipayPayment = new PaymentSnapshot("pay-3", PaymentType.COLLECTION, PaymentStatus.PENDING, "MPESA12345678");
        kipayAnswer = new ProviderResponse(200, Fixtures.bytes("kipay/stk_status_completed.json"));

        for (Outcome o : new Outcome[] {bluePay(), twinBluePay(), bitnovaPay(), twinBitnovaPay(), kipay(), twinKipay()}) {
            if (o.status() != PaymentStatus.SUCCEEDED) {
                throw new IllegalStateException("a mapper did not read its success fixture as SUCCEEDED: " + o);
            }
        }
    }

    @Benchmark
    public Outcome bluePay() {
        return bluePay.interpretStatus(bluePayPayout, bluePayAnswer);
    }

    @Benchmark
    public Outcome twinBluePay() {
        JsonNode payout = tree(bluePayAnswer).path("data").path("payout");
        String raw = payout.path("status").asText();
        return Outcome.of(word(raw, "SUCCESS", "FAILED", "PENDING"), payout.path("id").asText(), raw)
                .withFee(payout.path("transaction_fee").decimalValue());
    }

    @Benchmark
    public Outcome bitnovaPay() {
        return bitnova.interpretStatus(bitnovaPayment, bitnovaAnswer);
    }

    @Benchmark
    public Outcome twinBitnovaPay() {
        JsonNode answer = tree(bitnovaAnswer);
        String raw = answer.path("status").asText();
        return Outcome.of(word(raw, "completed", "failed", "pending"), answer.path("reference").asText(), raw)
                .withFee(answer.path("fee").decimalValue());
    }

    @Benchmark
    public Outcome kipay() {
        return kipay.interpretStatus(kipayPayment, kipayAnswer);
    }

    @Benchmark
    public Outcome twinKipay() {
        JsonNode transaction = tree(kipayAnswer).path("transaction");
        String raw = transaction.path("status").asText();
        return Outcome.of(word(raw, "completed", "failed", "pending"), transaction.path("reference").asText(), raw);
    }

    private JsonNode tree(ProviderResponse response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PaymentStatus word(String raw, String success, String failure, String pending) {
        if (raw.equals(success)) {
            return PaymentStatus.SUCCEEDED;
        }
        if (raw.equals(failure)) {
            return PaymentStatus.FAILED;
        }
        return raw.equals(pending) ? PaymentStatus.PENDING : PaymentStatus.NEEDS_REVIEW;
    }
}
