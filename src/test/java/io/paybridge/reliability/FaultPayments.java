package io.paybridge.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A seeded stream of ERP commands spread over the five providers: collections for BluePay, Kipay,
 * BitnovaPay and the gateway, payouts for BluePay and BitPesa. About one in eight goes to a
 * customer whose number makes the provider fail the payment (ends in 999).
 */
final class FaultPayments {

    /** One command of the stream. */
    record Planned(String id, String provider, String type, boolean failing, String json) {
    }

    private FaultPayments() {
    }

    /** {@code perProvider} payments per provider (Kipay gets fewer: its 100 calls a minute include the polls). */
    static List<Planned> plan(String prefix, int perProvider, long seed) {
        Random random = new Random(seed);
        List<Planned> plan = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < perProvider; i++) {
            for (String provider : FaultSimulators.PROVIDERS) {
                if ("kipay".equals(provider) && i >= Math.max(2, perProvider / 3)) {
                    continue;
                }
                n++;
                boolean failing = random.nextInt(8) == 0;
                String type = switch (provider) {
                    case "bitpesa" -> "PAYOUT";
                    case "bluepay" -> random.nextBoolean() ? "PAYOUT" : "COLLECTION";
                    default -> "COLLECTION";
                };
                String id = prefix + "-" + provider + "-" + n;
                String phone = failing ? String.format("0712%03d999", n % 1000) : String.format("0712%04d10", n % 10000);
                String amount = String.valueOf(150 + random.nextInt(1800));
                plan.add(new Planned(id, provider, type, failing, command(id, provider, type, amount, phone)));
            }
        }
        return plan;
    }

    private static String command(String id, String provider, String type, String amount, String phone) {
        String customer = "{\"phone\":\"" + phone + "\",\"name\":\"Jane Wanjiru\",\"email\":\"jane@example.com\"}";
        String metadata = "bitpesa".equals(provider)
                ? ",\"metadata\":{\"erpRef\":\"" + id + "\",\"sender\":{\"external_id\":\"fault-sender\",\"first_name\":\"Amina\","
                        + "\"last_name\":\"Otieno\",\"email\":\"amina@example.com\",\"country\":\"KE\",\"phone_country\":\"KE\","
                        + "\"phone_number\":\"712000111\",\"city\":\"Nairobi\",\"street\":\"Moi Avenue 1\",\"postal_code\":\"00100\","
                        + "\"birth_date\":\"1985-04-12\"}}"
                : ",\"metadata\":{\"erpRef\":\"" + id + "\"}";
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"provider\":\"" + provider + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"KES\",\"country\":\"KE\",\"customer\":" + customer + metadata + "}";
    }

    /** Produces every command to the requests topic, keyed by payment id, and waits for the broker's acknowledgements. */
    static void produce(KafkaProducer<String, byte[]> producer, String topic, List<Planned> plan) throws Exception {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (Planned p : plan) {
            sent.add(producer.send(new ProducerRecord<>(topic, p.id(), p.json().getBytes(StandardCharsets.UTF_8))));
        }
        for (java.util.concurrent.Future<?> f : sent) {
            f.get();
        }
    }
}
