package io.paybridge.sandbox.bitlipa;

import com.sun.net.httpserver.HttpHandler;
import io.paybridge.sandbox.SimulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A local pan-African gateway (bitlipa.txt): {@code POST /{public_id}/payment_c2b},
 * {@code payment_b2c}, {@code status}, {@code banks} on 127.0.0.1, with the document's signature
 * on requests and callbacks, its per-country limits, provider ids and required {@code extra}
 * fields, idempotency by {@code order_id}, and refusals as HTTP 200 with {@code result.code != 0}.
 *
 * <p><b>Outcome rule.</b> An accepted order ends by the last digits of its {@code customer_id}
 * (phone or account): {@code 999} failed (status 3), {@code 997} cancelled (4), {@code 998} stays
 * in progress with no callback, anything else succeeds (2), after
 * {@link BitlipaFaults#callbackDelayMillis}. Flows per the document: provider 14 never settles
 * nor calls back; redirect-flow collections (CI, GH, RW, SN, UG) expose
 * {@code extra.customer_redirect} on status and settle once the customer opens it
 * ({@code GET /redirect/{transaction_id}}) or after {@link BitlipaFaults#autoConfirmRedirectMillis};
 * bank-transfer collections (NG 5008, ZA 5012) answer bank details with no transaction id and
 * settle without a callback, visible through status only.
 */
public final class BitlipaSimulator implements AutoCloseable {

    /** Simulator configuration; {@code callbackUrl} is used when a request names none; port 0 picks a free one. */
    public record Settings(String publicId, String merchantId, String secretKey, String callbackUrl, int port) {
        public Settings {
            Objects.requireNonNull(publicId, "publicId");
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(secretKey, "secretKey");
        }

        public static Settings defaults() {
            return new Settings("f54ec96649be11ebb3780242ac130002", "e0fecd91fcb24f348048193b3fb34875ba3722b4",
                    "sim-gateway-secret-key", null, 0);
        }

        public Settings withPort(int newPort) {
            return new Settings(publicId, merchantId, secretKey, callbackUrl, newPort);
        }

        public Settings withCallbackUrl(String url) {
            return new Settings(publicId, merchantId, secretKey, url, port);
        }

        public Settings withSecretKey(String secret) {
            return new Settings(publicId, merchantId, secret, callbackUrl, port);
        }
    }

    private final SimulatorServer server;
    private final BitlipaFaults faults = new BitlipaFaults();
    private final BitlipaState state = new BitlipaState();
    private final BitlipaCallbackSender callbacks;
    private final BitlipaSettler settler;

    private BitlipaSimulator(Settings settings) throws IOException {
        this.callbacks = new BitlipaCallbackSender(settings.secretKey());
        this.settler = new BitlipaSettler(faults, callbacks);
        this.server = SimulatorServer.bind("bitlipa", settings.port());
        BitlipaEndpoints endpoints = new BitlipaEndpoints(settings, state, new BitlipaSimCatalog(BitlipaAnswers.JSON), settler, faults,
                "http://127.0.0.1:" + server.port());
        HttpHandler router = new BitlipaRouter(settings, state, faults, endpoints);
        server.serve(router);
    }

    public static BitlipaSimulator start(Settings settings) {
        try {
            return new BitlipaSimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the gateway simulator on port " + settings.port(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public BitlipaFaults faults() {
        return faults;
    }

    /** All requests received on every path, whatever their answer. */
    public int totalCalls() {
        return state.totalCalls();
    }

    /** All requests received on the path, whatever their answer. */
    public int callCount(String path) {
        return state.callCount(path);
    }

    /** Orders created for this order_id (a repeated order_id replays, it does not create). */
    public int createCount(String orderId) {
        return state.createCount(orderId);
    }

    /** Current gateway status of an order (−1 when unknown). */
    public int status(String orderId) {
        BitlipaOrder order = state.order(orderId);
        return order == null ? -1 : order.status;
    }

    public int callbacksDelivered() {
        return callbacks.deliveredCount();
    }

    public int callbackFailures() {
        return callbacks.failedCount();
    }

    @Override
    public void close() {
        server.stop();
        settler.close();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8093;
        Settings defaults = Settings.defaults();
        String secret = Objects.requireNonNullElse(System.getenv("BITLIPA_SECRET_KEY"), defaults.secretKey());
        BitlipaSimulator simulator = start(defaults.withSecretKey(secret).withPort(port).withCallbackUrl(System.getenv("BITLIPA_CALLBACK_URL")));
        simulator.faults().autoConfirmRedirectMillis(3000); // nobody clicks links in a demo
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "bitlipa-sim-shutdown"));
        System.out.println(simulator.baseUrl() + "  public id " + defaults.publicId() + ", merchant id " + defaults.merchantId());
        new CountDownLatch(1).await();
    }
}
