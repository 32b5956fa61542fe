package io.paybridge.sandbox.bitnovapay;

import com.sun.net.httpserver.HttpHandler;
import io.paybridge.sandbox.SimulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A local BitnovaPay (pay.bitnova.co.ke) simulator: a real HTTP server on 127.0.0.1 serving
 * {@code /api/v1/} with the personal key and {@code /api/v2/} with the business key, as
 * {@code /work/shared/providers/bitnovapay.txt} describes: channels, Direct Pay stk-push, Smart
 * Gateway charges/payment (mpesa, and card/paypal/crypto with a redirect URL), payment status,
 * the transactions listing with its filters and pages, wallet balance, withdrawals (min KES 100),
 * webhook registration (idempotent by URL) and signed webhooks
 * ({@code X-BitnovaPay-Signature: sha256=<hex>} with each registration's secret, a
 * {@code timestamp} in the body). Errors use the document's {@code {"error", "code"}}.
 *
 * <p><b>Outcome rule.</b> Each accepted payment or withdrawal settles after
 * {@link BitnovaPayFaults#callbackDelayMillis} by its party — the phone (M-Pesa), account number
 * (bank) or email (card, PayPal, crypto, PayPal withdrawals): ending in {@code 999} or starting
 * with {@code fail} it FAILS; ending in {@code 998} or starting with {@code never} it stays
 * pending and no webhook is ever sent; anything else SUCCEEDS. A failed withdrawal returns its
 * principal to the wallet. Webhooks go only to registered URLs and are never retried.
 *
 * <p>Paths the document does not name are those the connector uses ({@code payment/{ref}},
 * {@code transactions}, {@code withdraw}, {@code withdrawals/{ref}}, {@code webhooks}).
 */
public final class BitnovaPaySimulator implements AutoCloseable {

    /** Simulator configuration; {@code port} 0 picks a free port. */
    public record Settings(String personalKey, String businessKey, int port) {
        public Settings {
            Objects.requireNonNull(personalKey, "personalKey");
            Objects.requireNonNull(businessKey, "businessKey");
        }

        public static Settings defaults() {
            return new Settings("pk_test_sim_personal", "bsk_test_sim_business", 0);
        }

        public Settings withPort(int newPort) {
            return new Settings(personalKey, businessKey, newPort);
        }
    }

    private final SimulatorServer server;
    private final BitnovaPayFaults faults = new BitnovaPayFaults();
    private final BitnovaPayState state = new BitnovaPayState();
    private final BitnovaPayCallbackSender callbacks = new BitnovaPayCallbackSender(state);
    private final BitnovaPaySettler settler = new BitnovaPaySettler(state, faults, callbacks);

    private BitnovaPaySimulator(Settings settings) throws IOException {
        this.server = SimulatorServer.bind("bitnovapay", settings.port());
        String base = "http://127.0.0.1:" + server.port();
        HttpHandler router = new BitnovaPayRouter(settings, state, faults,
                new BitnovaPayPaymentEndpoints(state, settler, base), new BitnovaPayWalletEndpoints(state, settler));
        server.serve(router);
        state.addChannel(new BitnovaPayState.Channel(state.nextId(), "Equity Bank", "paybill", "247247", true));
    }

    public static BitnovaPaySimulator start(Settings settings) {
        try {
            return new BitnovaPaySimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start BitnovaPay simulator on port " + settings.port(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    public BitnovaPayFaults faults() {
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

    /**
     * Payments created whose description names this payment id ({@code "<id>"} or
     * {@code "<text> [<id>]"}), plus payments and withdrawals whose party (phone, account,
     * email) is this value.
     */
    public int createCount(String reference) {
        return state.createCount(reference);
    }

    /** The secret registration handed out for this webhook URL, or null when it is not registered. */
    public String webhookSecret(String url) {
        BitnovaPayState.Webhook webhook = state.webhookFor(url);
        return webhook == null ? null : webhook.secret();
    }

    public int webhookCount() {
        return state.webhooks().size();
    }

    /** Labels of the Direct Pay channels, in creation order. */
    public List<String> channelLabels() {
        return state.channels().stream().map(BitnovaPayState.Channel::label).toList();
    }

    public BigDecimal walletBalance() {
        return state.wallet();
    }

    public void setWalletBalance(BigDecimal kes) {
        state.wallet(kes);
    }

    public int callbacksDelivered() {
        return callbacks.delivered();
    }

    public int callbackFailures() {
        return callbacks.failed();
    }

    @Override
    public void close() {
        server.stop();
        settler.close();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8092;
        Settings d = Settings.defaults();
        Settings settings = new Settings(Objects.requireNonNullElse(System.getenv("BITNOVAPAY_PERSONAL_KEY"), d.personalKey()),
                Objects.requireNonNullElse(System.getenv("BITNOVAPAY_BUSINESS_KEY"), d.businessKey()), port);
        BitnovaPaySimulator simulator = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "bitnovapay-sim-shutdown"));
        System.out.println(simulator.baseUrl());
        new CountDownLatch(1).await();
    }
}
