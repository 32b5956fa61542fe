package io.paybridge.demo;

import io.paybridge.sandbox.bitnovapay.BitnovaPaySimulator;
import io.paybridge.sandbox.kipay.KipaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo's other Kenyan providers: BitnovaPay (webhook registered at start-up, a card payment
 * by redirect, a wallet withdrawal) and Kipay (an STK push confirmed through its status API, and a
 * payout it refuses because it has no payout API).
 */
final class KenyanProvidersDemo implements AutoCloseable {
    private final BitnovaPaySimulator bitnova;
    private final KipaySimulator kipay;

    private KenyanProvidersDemo(BitnovaPaySimulator bitnova, KipaySimulator kipay) {
        this.bitnova = bitnova;
        this.kipay = kipay;
    }

    /** Starts both simulators and points the bundle at them; call before {@code main.start()}. */
    static KenyanProvidersDemo configure(Main main, int httpPort) {
        String callbacks = "http://127.0.0.1:" + httpPort + "/callbacks/";
        BitnovaPaySimulator.Settings bn = BitnovaPaySimulator.Settings.defaults();
        BitnovaPaySimulator bitnova = BitnovaPaySimulator.start(bn);
        KipaySimulator.Settings kp = KipaySimulator.Settings.defaults().withCallbackUrl(callbacks + "kipay");
        KipaySimulator kipay = KipaySimulator.start(kp);
        kipay.faults().callbackDelayMillis(500); // the customer takes a moment to approve
        main.addOverrideProperty("paybridge.bitnovapay.enabled", "true");
        main.addOverrideProperty("paybridge.bitnovapay.base-url", bitnova.baseUrl());
        main.addOverrideProperty("paybridge.bitnovapay.personal-key", bn.personalKey());
        main.addOverrideProperty("paybridge.bitnovapay.business-key", bn.businessKey());
        main.addOverrideProperty("paybridge.bitnovapay.webhook-url", callbacks + "bitnovapay");
        main.addOverrideProperty("paybridge.kipay.enabled", "true");
        main.addOverrideProperty("paybridge.kipay.base-url", kipay.baseUrl());
        main.addOverrideProperty("paybridge.kipay.api-key", kp.apiKey());
        main.addOverrideProperty("paybridge.kipay.api-secret", kp.apiSecret());
        main.addOverrideProperty("paybridge.kipay.mpesa-channel-id", String.valueOf(kp.mpesaChannelId()));
        main.addOverrideProperty("paybridge.kipay.checkout-channel-id", String.valueOf(kp.checkoutChannelId()));
        return new KenyanProvidersDemo(bitnova, kipay);
    }

    void submit(EmbeddedKafka kafka, String run) {
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            send(producer, run, "bn-card", "COLLECTION", "bitnovapay", "2500", "{\"email\":\"otieno@example.com\",\"name\":\"Otieno\"}",
                    ",\"metadata\":{\"bitnovapayMethod\":\"card\"}");
            send(producer, run, "bn-wd", "PAYOUT", "bitnovapay", "1500", "{\"phone\":\"0712345678\"}", "");
            send(producer, run, "kp-stk", "COLLECTION", "kipay", "1000", "{\"phone\":\"0712345678\"}", "");
            send(producer, run, "kp-payout", "PAYOUT", "kipay", "500", "{\"phone\":\"0712345678\"}", "");
            producer.flush();
        }
    }

    String describe() {
        return "BitnovaPay sim " + bitnova.baseUrl() + ", Kipay sim " + kipay.baseUrl();
    }

    private static void send(KafkaProducer<String, byte[]> producer, String run, String suffix, String type, String provider,
                             String amount, String customer, String extra) {
        String id = "demo-" + run + "-" + suffix;
        String json = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"provider\":\"" + provider + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"KES\",\"country\":\"KE\",\"customer\":" + customer + extra + "}";
        producer.send(new ProducerRecord<>("paybridge.payments.requests", id, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        bitnova.close();
        kipay.close();
    }
}
