package io.paybridge.reliability;

import io.paybridge.sandbox.SimulatorFaults;
import io.paybridge.sandbox.bitlipa.BitlipaSimulator;
import io.paybridge.sandbox.bitnovapay.BitnovaPaySimulator;
import io.paybridge.sandbox.bitpesa.BitPesaSimulator;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.sandbox.kipay.KipaySimulator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The five provider simulators of a fault run, over real HTTP, with what a verdict needs to know
 * of each: how many payments it holds for one of our ids, and whether money moved for it.
 */
final class FaultSimulators implements AutoCloseable {
    static final String BITPESA_PUBLIC_URL = "https://payments.example.com/callbacks/bitpesa";
    static final List<String> PROVIDERS = List.of("bluepay", "kipay", "bitnovapay", "bitlipa", "bitpesa");

    /** What a provider did with one of our payments. */
    enum Money { NOT_HELD, MOVED, NOT_MOVED, OPEN }

    final BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults());
    final KipaySimulator kipay = KipaySimulator.start(KipaySimulator.Settings.defaults());
    final BitnovaPaySimulator bitnova = BitnovaPaySimulator.start(BitnovaPaySimulator.Settings.defaults());
    final BitlipaSimulator bitlipa = BitlipaSimulator.start(BitlipaSimulator.Settings.defaults());
    final BitPesaSimulator bitPesa = BitPesaSimulator.start(BitPesaSimulator.Settings.defaults());

    FaultSimulators() {
        bluePay.setB2cBalance(new BigDecimal("100000000"));
        bluePay.setServiceTokens(new BigDecimal("100000000"));
        // A customer takes a moment to approve, so a callback rarely beats the recorded answer.
        all(f -> f.callbackDelayMillis(300));
    }

    /** Points every simulator's callbacks at a bundle listening on {@code port}, and returns its provider settings. */
    Map<String, String> wire(Map<String, String> p, int port) {
        String callbacks = "http://127.0.0.1:" + port + "/callbacks/";
        bluePay.setCallbackUrl(callbacks + "bluepay");
        kipay.setCallbackUrl(callbacks + "kipay");
        bitPesa.setWebhook(callbacks + "bitpesa", BITPESA_PUBLIC_URL);
        p.put("paybridge.bluepay.callback-url", callbacks + "bluepay");
        KipaySimulator.Settings k = KipaySimulator.Settings.defaults();
        p.put("paybridge.kipay.enabled", "true");
        p.put("paybridge.kipay.base-url", kipay.baseUrl());
        p.put("paybridge.kipay.api-key", k.apiKey());
        p.put("paybridge.kipay.api-secret", k.apiSecret());
        p.put("paybridge.kipay.mpesa-channel-id", String.valueOf(k.mpesaChannelId()));
        p.put("paybridge.kipay.checkout-channel-id", String.valueOf(k.checkoutChannelId()));
        BitnovaPaySimulator.Settings b = BitnovaPaySimulator.Settings.defaults();
        p.put("paybridge.bitnovapay.enabled", "true");
        p.put("paybridge.bitnovapay.base-url", bitnova.baseUrl());
        p.put("paybridge.bitnovapay.personal-key", b.personalKey());
        p.put("paybridge.bitnovapay.business-key", b.businessKey());
        p.put("paybridge.bitnovapay.webhook-url", callbacks + "bitnovapay");
        BitlipaSimulator.Settings g = BitlipaSimulator.Settings.defaults();
        p.put("paybridge.bitlipa.enabled", "true");
        p.put("paybridge.bitlipa.base-url", bitlipa.baseUrl());
        p.put("paybridge.bitlipa.public-id", g.publicId());
        p.put("paybridge.bitlipa.merchant-id", g.merchantId());
        p.put("paybridge.bitlipa.secret-key", g.secretKey());
        p.put("paybridge.bitlipa.callback-url", callbacks + "bitlipa");
        p.put("paybridge.bitlipa.provider-ids", "KE.mpesa=347");
        BitPesaSimulator.Settings t = BitPesaSimulator.Settings.defaults();
        p.put("paybridge.bitpesa.enabled", "true");
        p.put("paybridge.bitpesa.base-url", bitPesa.baseUrl());
        p.put("paybridge.bitpesa.api-key", t.apiKey());
        p.put("paybridge.bitpesa.api-secret", t.apiSecret());
        p.put("paybridge.bitpesa.callback-public-url", BITPESA_PUBLIC_URL);
        p.put("paybridge.bitpesa.fund-from-balance", "true");
        return p;
    }

    /** Short polling so reconciliation settles what callbacks did not, within a bounded test. */
    static Map<String, String> fastReconcile(Map<String, String> p) {
        p.put("paybridge.reconcile.interval-ms", "300");
        p.put("paybridge.reconcile.poll-after", "PT1S");
        p.put("paybridge.reconcile.unsent-after", "PT5S");
        p.put("paybridge.reconcile.batch-size", "500");
        // A payment still SUBMITTED this long after its send was left by a crash: longer than one
        // send's whole retry sequence at these timeouts, so a live call is never taken for a lost one.
        p.put("paybridge.reconcile.lost-answer-after", "PT15S");
        // Breakers stay on (faults open them) but test soon, so held payments go out within the run.
        p.put("paybridge.breaker.open-for", "PT2S");
        for (String provider : PROVIDERS) {
            p.put("paybridge." + provider + ".poll-after", "kipay".equals(provider) ? "PT3S" : "PT1S");
        }
        return p;
    }

    /** Applies a change to every simulator's fault switches. */
    void all(Consumer<SimulatorFaults> change) {
        List.<SimulatorFaults>of(bluePay.faults(), kipay.faults(), bitnova.faults(), bitlipa.faults(), bitPesa.faults())
                .forEach(change);
    }

    /** Seeds every simulator, each with its own stream derived from {@code seed}. */
    void seed(long seed) {
        int[] n = {0};
        all(f -> f.seed(seed * 31 + n[0]++));
    }

    /** Payments the provider holds for our id: more than one is a duplicate. */
    int created(String provider, String id) {
        return switch (provider) {
            case "bluepay" -> bluePay.createCount(id);
            case "kipay" -> kipay.createCount(id);
            case "bitnovapay" -> bitnova.createCount(id);
            case "bitlipa" -> bitlipa.createCount(id);
            case "bitpesa" -> bitPesa.createCount(id);
            default -> throw new IllegalArgumentException(provider);
        };
    }

    /**
     * Creations for this id that hold money or may still move it. Only BluePay frees a reference:
     * a failed payout's may be used again, so a resend after a failure lost in a crash is a second
     * attempt, never a second payment.
     */
    int live(String provider, String id) {
        return "bluepay".equals(provider) ? bluePay.liveCount(id) : created(provider, id);
    }

    /** Whether money moved at the provider; {@code failing} says the customer's number makes it fail. */
    Money money(String provider, String id, boolean failing) {
        switch (provider) {
            case "bitlipa": {
                int status = bitlipa.status(id);
                return status < 0 ? Money.NOT_HELD : status == 2 ? Money.MOVED : status == 1 ? Money.OPEN : Money.NOT_MOVED;
            }
            case "bitpesa": {
                String state = bitPesa.transactionState(id);
                if (state == null) {
                    return Money.NOT_HELD;
                }
                return switch (state) {
                    case "paid" -> Money.MOVED;
                    case "initial", "refunded", "canceled" -> Money.NOT_MOVED;
                    default -> Money.OPEN;
                };
            }
            default:
                // These simulators settle every payment they hold by the customer's number.
                return created(provider, id) == 0 ? Money.NOT_HELD : failing ? Money.NOT_MOVED : Money.MOVED;
        }
    }

    /** Requests received by all five simulators, whatever their answer. */
    int totalCalls() {
        return bluePay.totalCalls() + kipay.totalCalls() + bitnova.totalCalls() + bitlipa.totalCalls() + bitPesa.totalCalls();
    }

    @Override
    public void close() {
        bluePay.close();
        kipay.close();
        bitnova.close();
        bitlipa.close();
        bitPesa.close();
    }
}
