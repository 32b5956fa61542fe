package io.paybridge.sandbox.bluepay;

import io.paybridge.sandbox.SimulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A local BluePay (bluepay.co.ke) simulator: a real HTTP server on 127.0.0.1 implementing the
 * channel, STK, payment_status and B2C endpoints of {@code /work/shared/providers/bluepay.txt},
 * with webhooks signed {@code X-BluePay-Signature: v1=<hex HMAC-SHA256(raw body, API secret)>}.
 *
 * <p><b>Outcome rule.</b> The fate of an accepted STK push or B2C payout is scripted by its
 * normalised phone number (254 + 9 digits):
 * <ul>
 *   <li>ending in {@code 999}: the payment FAILS (STK {@code mpesa.payment.failed} /
 *       status {@code failed}; B2C {@code mpesa.b2c.failed}, principal refunded, fee kept);</li>
 *   <li>ending in {@code 998}: it stays PENDING forever, no callback is ever sent;</li>
 *   <li>anything else: it SUCCEEDS with a generated M-Pesa receipt.</li>
 * </ul>
 * The outcome is decided, and payment_status / payout_status change, after
 * {@link BluePayFaults#callbackDelayMillis(long)}, at the moment the callback is sent (or would
 * be, when callbacks are dropped or no callback URL is configured). Like BluePay, callbacks
 * are never retried.
 */
public final class BluePaySimulator implements AutoCloseable {

    /** Simulator configuration; {@code port} 0 picks a free ephemeral port. */
    public record Settings(String apiSecret, String basicUsername, String basicPassword, String channelId,
                           String callbackUrl, int port) {

        public Settings {
            Objects.requireNonNull(apiSecret, "apiSecret");
            Objects.requireNonNull(channelId, "channelId");
        }

        public static Settings defaults() {
            return new Settings("sim-bluepay-secret", "sim-user", "sim-pass",
                    "550e8400-e29b-41d4-a716-446655440000", null, 0);
        }

        public Settings withPort(int newPort) {
            return new Settings(apiSecret, basicUsername, basicPassword, channelId, callbackUrl, newPort);
        }

        public Settings withApiSecret(String newSecret) {
            return new Settings(newSecret, basicUsername, basicPassword, channelId, callbackUrl, port);
        }

        public Settings withCallbackUrl(String newUrl) {
            return new Settings(apiSecret, basicUsername, basicPassword, channelId, newUrl, port);
        }
    }

    private final SimulatorServer server;
    private final BluePayFaults faults = new BluePayFaults();
    private final BluePayState state = new BluePayState();
    private final BluePayCallbackSender callbacks;
    private final BluePaySettler settler;
    private volatile String callbackUrl;

    private BluePaySimulator(Settings settings) throws IOException {
        this.callbackUrl = settings.callbackUrl();
        this.callbacks = new BluePayCallbackSender(settings.apiSecret());
        this.settler = new BluePaySettler(state, faults, callbacks, () -> callbackUrl);
        BluePayRouter router = new BluePayRouter(settings, state, faults,
                new BluePayStkEndpoints(settings, state, settler), new BluePayB2cEndpoints(state, settler));
        this.server = SimulatorServer.bind("bluepay", settings.port());
        server.serve(router);
    }

    public static BluePaySimulator start(Settings settings) {
        try {
            return new BluePaySimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start BluePay simulator on port " + settings.port(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    public BluePayFaults faults() {
        return faults;
    }

    /** Account-level callback URL, read when each payment settles; null disables callbacks. */
    public void setCallbackUrl(String url) {
        this.callbackUrl = url;
    }

    /** All requests received on every path, whatever their answer. */
    public int totalCalls() {
        return state.totalCalls();
    }

    /** All requests received on the path, whatever their answer (401, 503 … included). */
    public int callCount(String path) {
        return state.callCount(path);
    }

    /** Accepted creations for an STK account_reference or B2C reference (idempotent replays excluded). */
    public int createCount(String reference) {
        return state.createCount(reference);
    }

    /**
     * Creations of this reference that hold money or may still move it: all but the failed
     * payouts. BluePay's REFERENCE_IN_USE guards only pending and successful payouts, so a payout
     * resent after its first attempt failed is a second attempt, never a second payment; at most
     * one may be live.
     */
    public int liveCount(String reference) {
        return state.createCount(reference) - state.failedPayoutCount(reference);
    }

    /**
     * Every client-supplied STK account_reference / B2C reference carried by an authenticated,
     * well-formed request, in arrival order, repeats and later-rejected requests included.
     */
    public List<String> receivedReferences() {
        return state.receivedReferences();
    }

    public void setB2cBalance(BigDecimal kes) {
        state.b2cBalance(kes);
    }

    public void setServiceTokens(BigDecimal kes) {
        state.serviceTokens(kes);
    }

    public BigDecimal b2cBalance() {
        return state.b2cBalance();
    }

    public BigDecimal serviceTokens() {
        return state.serviceTokens();
    }

    /** Callback deliveries answered 2xx (a duplicated delivery counts twice). */
    public int callbacksDelivered() {
        return callbacks.deliveredCount();
    }

    /** Callback deliveries that failed (non-2xx, refused, timed out); never retried. */
    public int callbackFailures() {
        return callbacks.failedCount();
    }

    @Override
    public void close() {
        server.stop();
        settler.close();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8091;
        String secret = Objects.requireNonNullElse(System.getenv("BLUEPAY_API_SECRET"), "sim-secret");
        Settings settings = Settings.defaults().withApiSecret(secret).withPort(port)
                .withCallbackUrl(System.getenv("BLUEPAY_CALLBACK_URL"));
        BluePaySimulator simulator = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "bluepay-sim-shutdown"));
        System.out.println(simulator.baseUrl());
        new CountDownLatch(1).await();
    }
}
