package io.paybridge.demo;

/** Tells the person running the demo what is running and what to try. */
final class Banner {
    private Banner() {
    }

    static void print(int httpPort, String bluePayUrl, String kafka, String run) {
        System.out.printf("""
                ---------------------------------------------------------------------------
                 paybridge demo is running (Ctrl-C to stop)
                   HTTP API       http://127.0.0.1:%1$d   (POST /payments, GET /payments/{id})
                   Kafka broker   %3$s   topics paybridge.payments.{requests,events,dlq}
                   BluePay sim    %2$s   (phones ending 999 fail, 998 never settle)
                   Ledger         H2 file database under ./data/
                 Try:  curl -s http://127.0.0.1:%1$d/payments/demo-%4$s-1
                       curl -s http://127.0.0.1:%1$d/admin/providers/bluepay/balance
                ---------------------------------------------------------------------------
                %n""", httpPort, bluePayUrl, kafka, run);
    }
}
