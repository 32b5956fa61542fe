package io.paybridge.demo;

import io.paybridge.config.PaybridgeConfiguration;
import io.paybridge.sandbox.bluepay.BluePaySimulator;
import io.paybridge.testing.EmbeddedKafka;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.main.Main;

/**
 * The README's first command ({@code mvn -Pdemo}): paybridge on its embedded defaults — a real
 * local Kafka broker, the H2 file ledger under {@code data/}, the BluePay simulator — fed a few
 * sample payments, with every event printed as it arrives. Runs until Ctrl-C.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(System.getenv().getOrDefault("DEMO_HTTP_PORT", "8080"));
        EmbeddedKafka kafka = EmbeddedKafka.startNew();
        String callbackUrl = "http://127.0.0.1:" + httpPort + "/callbacks/bluepay";
        BluePaySimulator bluePay = BluePaySimulator.start(BluePaySimulator.Settings.defaults().withCallbackUrl(callbackUrl));
        kafka.createTopics("paybridge.payments.requests", "paybridge.payments.events", "paybridge.payments.dlq");

        Main main = new Main();
        main.configure().addConfiguration(PaybridgeConfiguration.class);
        main.addOverrideProperty("paybridge.http.port", String.valueOf(httpPort));
        main.addOverrideProperty("paybridge.kafka.brokers", kafka.bootstrapServers());
        main.addOverrideProperty("paybridge.bluepay.base-url", bluePay.baseUrl());
        main.addOverrideProperty("paybridge.bluepay.api-secret", BluePaySimulator.Settings.defaults().apiSecret());
        main.addOverrideProperty("paybridge.bluepay.channel-id", BluePaySimulator.Settings.defaults().channelId());
        main.addOverrideProperty("paybridge.bluepay.callback-url", callbackUrl);
        main.addOverrideProperty("paybridge.reconcile.interval-ms", "5000");
        KenyanProvidersDemo kenyan = KenyanProvidersDemo.configure(main, httpPort);
        PanAfricanDemo panAfrican = PanAfricanDemo.configure(main, httpPort);
        main.start();

        EventPrinter printer = EventPrinter.start(kafka.bootstrapServers());
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        SamplePayments.submit(kafka, "http://127.0.0.1:" + httpPort, run);
        kenyan.submit(kafka, run);
        panAfrican.submit(kafka, run);
        Banner.print(httpPort, bluePay.baseUrl(), kafka.bootstrapServers(), run);
        System.out.println("   also: " + kenyan.describe());
        System.out.println("   also: " + panAfrican.describe());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            printer.close();
            main.stop();
            bluePay.close();
            kenyan.close();
            panAfrican.close();
            kafka.close();
            stopped.countDown();
        }, "demo-shutdown"));
        stopped.await();
    }

}
