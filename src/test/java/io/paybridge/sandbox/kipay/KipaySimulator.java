package io.paybridge.sandbox.kipay;

import com.sun.net.httpserver.HttpHandler;
import io.paybridge.sandbox.SimulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A local Kipay (kipay.benfex.net) simulator: a real HTTP server on 127.0.0.1 serving the
 * endpoints of {@code /work/shared/providers/kipay.txt} under {@code /api/} with
 * {@code X-API-Key} auth: transactions initialize/verify/list, M-Pesa stk-push/stk-status,
 * register-c2b-urls and (sandbox) simulate-c2b, customers and payment channels. Errors are
 * {@code {"status": "error", "message"}}. The limit of {@code rateLimit} calls per
 * {@code rateWindow} per key (100 a minute by default) is enforced with 429s, and every arrival
 * is logged so a test can read {@link #maxCallsInAnyWindow()}.
 *
 * <p><b>Outcome rule.</b> An STK push settles by its phone, a checkout by the customer's email,
 * after {@link KipayFaults#callbackDelayMillis}: a phone ending in {@code 999} or an email
 * starting with {@code fail} FAILS; {@code 998} or {@code never…} stays pending with no callback;
 * anything else COMPLETES. verify / stk-status change at that moment and the callback
 * ({@code charge.success|charge.failed}, signed {@code X-Kipay-Signature} with the API secret)
 * goes to the account's callback URL, never retried. verify answers only for checkout
 * transactions and stk-status only for STK ones, each 404 for the other kind.
 */
public final class KipaySimulator implements AutoCloseable {

    /** Simulator configuration; {@code port} 0 picks a free port. */
    public record Settings(String apiKey, String apiSecret, long mpesaChannelId, long checkoutChannelId, String callbackUrl,
                           int rateLimit, Duration rateWindow, int port) {
        public Settings {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiSecret, "apiSecret");
            Objects.requireNonNull(rateWindow, "rateWindow");
        }

        public static Settings defaults() {
            return new Settings("kp_sim_key", "kp_sim_secret", 7, 1, null, 100, Duration.ofMinutes(1), 0);
        }

        public Settings withRateWindow(Duration window) {
            return new Settings(apiKey, apiSecret, mpesaChannelId, checkoutChannelId, callbackUrl, rateLimit, window, port);
        }

        public Settings withCallbackUrl(String url) {
            return new Settings(apiKey, apiSecret, mpesaChannelId, checkoutChannelId, url, rateLimit, rateWindow, port);
        }

        public Settings withPort(int newPort) {
            return new Settings(apiKey, apiSecret, mpesaChannelId, checkoutChannelId, callbackUrl, rateLimit, rateWindow, newPort);
        }
    }

    private final SimulatorServer server;
    private final KipayFaults faults = new KipayFaults();
    private final KipayState state = new KipayState();
    private final KipayRateWindow window;
    private final KipayCallbackSender callbacks;
    private final KipaySettler settler;
    private volatile String callbackUrl;

    private KipaySimulator(Settings settings) throws IOException {
        this.callbackUrl = settings.callbackUrl();
        this.window = new KipayRateWindow(settings.rateLimit(), settings.rateWindow());
        this.callbacks = new KipayCallbackSender(settings.apiSecret());
        this.settler = new KipaySettler(faults, callbacks, () -> callbackUrl);
        this.server = SimulatorServer.bind("kipay", settings.port());
        KipayAccountEndpoints accounts = new KipayAccountEndpoints(state);
        String base = "http://127.0.0.1:" + server.port();
        HttpHandler router = new KipayRouter(settings, state, faults, window,
                new KipayPaymentEndpoints(settings, state, settler, accounts, base), accounts);
        state.addChannel(new KipayState.Channel(settings.checkoutChannelId(), "My Paystack Channel", "paystack", true));
        state.addChannel(new KipayState.Channel(settings.mpesaChannelId(), "M-Pesa Paybill", "mpesa", true));
        server.serve(router);
    }

    public static KipaySimulator start(Settings settings) {
        try {
            return new KipaySimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kipay simulator on port " + settings.port(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    public KipayFaults faults() {
        return faults;
    }

    /** Account-level callback URL (Kipay's dashboard setting), read when each payment settles. */
    public void setCallbackUrl(String url) {
        this.callbackUrl = url;
    }

    /** All requests received on every path, whatever their answer. */
    public int totalCalls() {
        return state.totalCalls();
    }

    /** All requests received on the path, whatever their answer. */
    public int callCount(String path) {
        return state.callCount(path);
    }

    /** STK pushes created with this merchant {@code reference}, or checkouts for this email. */
    public int createCount(String reference) {
        return state.createCount(reference);
    }

    /** customers/create calls accepted for this email. */
    public int customerCreates(String email) {
        return state.createCount("customer:" + email.toLowerCase(java.util.Locale.ROOT));
    }

    /** The most authenticated calls that ever arrived within one rate window. */
    public int maxCallsInAnyWindow() {
        return window.maxInAnyWindow();
    }

    /** Calls answered 429 because the rate limit was exceeded (injected 429s excluded). */
    public int rateLimited() {
        return window.refused();
    }

    /** Authenticated calls received. */
    public int authenticatedCalls() {
        return window.arrivals();
    }

    /** The C2B URLs registered, or null. */
    public Map<String, String> c2bUrls() {
        return state.c2bUrls();
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
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8093;
        Settings d = Settings.defaults();
        Settings settings = new Settings(Objects.requireNonNullElse(System.getenv("KIPAY_API_KEY"), d.apiKey()),
                Objects.requireNonNullElse(System.getenv("KIPAY_API_SECRET"), d.apiSecret()), d.mpesaChannelId(),
                d.checkoutChannelId(), System.getenv("KIPAY_CALLBACK_URL"), d.rateLimit(), d.rateWindow(), port);
        KipaySimulator simulator = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "kipay-sim-shutdown"));
        System.out.println(simulator.baseUrl());
        new CountDownLatch(1).await();
    }
}
