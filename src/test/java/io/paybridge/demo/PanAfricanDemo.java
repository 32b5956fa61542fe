package io.paybridge.demo;

import io.paybridge.sandbox.bitlipa.BitlipaSimulator;
import io.paybridge.sandbox.bitpesa.BitPesaSimulator;
import io.paybridge.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo's pan-African part: the gateway (bitlipa.txt) and BitPesa simulators, the bundle
 * configured for both, and a few sample payments in other countries.
 */
final class PanAfricanDemo implements AutoCloseable {
    private final BitlipaSimulator gateway;
    private final BitPesaSimulator bitPesa;

    private PanAfricanDemo(BitlipaSimulator gateway, BitPesaSimulator bitPesa) {
        this.gateway = gateway;
        this.bitPesa = bitPesa;
    }

    /** Starts both simulators and points the bundle at them; call before {@code main.start()}. */
    static PanAfricanDemo configure(Main main, int httpPort) {
        String callbacks = "http://127.0.0.1:" + httpPort + "/callbacks/";
        BitlipaSimulator.Settings gw = BitlipaSimulator.Settings.defaults();
        BitlipaSimulator gateway = BitlipaSimulator.start(gw);
        gateway.faults().autoConfirmRedirectMillis(3000); // the demo's customers confirm on their own
        BitPesaSimulator.Settings bp = BitPesaSimulator.Settings.defaults().withWebhook(callbacks + "bitpesa", callbacks + "bitpesa");
        BitPesaSimulator bitPesa = BitPesaSimulator.start(bp);
        main.addOverrideProperty("paybridge.bitlipa.enabled", "true");
        main.addOverrideProperty("paybridge.bitlipa.base-url", gateway.baseUrl());
        main.addOverrideProperty("paybridge.bitlipa.public-id", gw.publicId());
        main.addOverrideProperty("paybridge.bitlipa.merchant-id", gw.merchantId());
        main.addOverrideProperty("paybridge.bitlipa.secret-key", gw.secretKey());
        main.addOverrideProperty("paybridge.bitlipa.callback-url", callbacks + "bitlipa");
        main.addOverrideProperty("paybridge.bitlipa.poll-after", "PT10S");
        main.addOverrideProperty("paybridge.bitpesa.enabled", "true");
        main.addOverrideProperty("paybridge.bitpesa.base-url", bitPesa.baseUrl());
        main.addOverrideProperty("paybridge.bitpesa.api-key", bp.apiKey());
        main.addOverrideProperty("paybridge.bitpesa.api-secret", bp.apiSecret());
        main.addOverrideProperty("paybridge.bitpesa.callback-public-url", callbacks + "bitpesa");
        main.addOverrideProperty("paybridge.bitpesa.default-sender-external-id", "demo-merchant");
        return new PanAfricanDemo(gateway, bitPesa);
    }

    /**
     * A Ghanaian collection (confirmation link), a Nigerian bank-transfer collection (payment
     * instructions), a Ugandan gateway payout, and BitPesa payouts to Kenya (succeeds) and
     * Nigeria (account ending 999: fails and is refunded).
     */
    void submit(EmbeddedKafka kafka, String run) {
        String sender = ",\"metadata\":{\"sender\":{\"external_id\":\"erp-cust-1\",\"first_name\":\"Amina\",\"last_name\":\"Otieno\","
                + "\"email\":\"amina@example.com\",\"country\":\"KE\"}}";
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            send(producer, "demo-" + run + "-gh", "{\"id\":\"demo-" + run + "-gh\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\","
                    + "\"amount\":\"45\",\"currency\":\"GHS\",\"country\":\"GH\",\"customer\":{\"phone\":\"0241234567\","
                    + "\"name\":\"Kofi Mensah\",\"email\":\"kofi@example.com\"}}");
            send(producer, "demo-" + run + "-ng", "{\"id\":\"demo-" + run + "-ng\",\"type\":\"COLLECTION\",\"provider\":\"bitlipa\","
                    + "\"amount\":\"12000\",\"currency\":\"NGN\",\"country\":\"NG\",\"customer\":{\"email\":\"ada@example.com\"},"
                    + "\"metadata\":{\"operator\":\"banktransfer\"}}");
            send(producer, "demo-" + run + "-ug", "{\"id\":\"demo-" + run + "-ug\",\"type\":\"PAYOUT\",\"provider\":\"bitlipa\","
                    + "\"amount\":\"80000\",\"currency\":\"UGX\",\"country\":\"UG\",\"customer\":{\"phone\":\"0772123456\","
                    + "\"name\":\"Okello James\"}}");
            send(producer, "demo-" + run + "-bp-ke", "{\"id\":\"demo-" + run + "-bp-ke\",\"type\":\"PAYOUT\",\"provider\":\"bitpesa\","
                    + "\"amount\":\"3000\",\"currency\":\"KES\",\"country\":\"KE\",\"customer\":{\"phone\":\"0712345678\","
                    + "\"name\":\"Jane Wanjiru\"}" + sender + "}");
            send(producer, "demo-" + run + "-bp-ng", "{\"id\":\"demo-" + run + "-bp-ng\",\"type\":\"PAYOUT\",\"provider\":\"bitpesa\","
                    + "\"amount\":\"50000\",\"currency\":\"NGN\",\"country\":\"NG\",\"customer\":{\"name\":\"Ada Obi\",\"bankCode\":\"058\","
                    + "\"account\":\"0123456999\"}" + sender + "}");
            producer.flush();
        }
    }

    String describe() {
        return "gateway sim " + gateway.baseUrl() + ", BitPesa sim " + bitPesa.baseUrl() + " (ids ending 999 fail, 998 never settle)";
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, String json) {
        producer.send(new ProducerRecord<>("paybridge.payments.requests", key, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        gateway.close();
        bitPesa.close();
    }
}
