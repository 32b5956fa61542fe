package io.paybridge.sandbox.bitpesa;

import com.sun.net.httpserver.HttpHandler;
import io.paybridge.sandbox.SimulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A local BitPesa (bitpesa.txt, NOTES.md) on 127.0.0.1: nonce authentication checked over the
 * full URL and exact body (a reused nonce is refused), senders with KYC states, transactions with
 * one recipient and 422 {@code object.errors} validation, duplicate {@code external_id} refused,
 * lookup by {@code external_id}, funding from balances through {@code accounts/debits},
 * cancellation (counted per transaction, {@link #cancelCount}), and webhooks signed with the same headers over the registered URL.
 *
 * <p><b>Outcome rule</b> (after funding and {@link BitPesaFaults#callbackDelayMillis}), by the
 * recipient phone's or account's last digits: {@code 999} recipient error, then refunded;
 * {@code 997} recipient error, left processing; {@code 998} processing for ever; else paid. New
 * senders are approved unless {@code autoApproveSenders} is off or a state was preset with
 * {@link #presetSenderState}.
 */
public final class BitPesaSimulator implements AutoCloseable {

    /**
     * {@code webhookUrl}: where webhooks are delivered; {@code webhookSignedUrl}: the URL they are
     * signed over (the one registered at BitPesa; differs behind a proxy), null = the same.
     */
    public record Settings(String apiKey, String apiSecret, String webhookUrl, String webhookSignedUrl, boolean autoApproveSenders,
                           int port) {
        public Settings {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiSecret, "apiSecret");
        }

        public static Settings defaults() {
            return new Settings("sim-bitpesa-key", "sim-bitpesa-secret", null, null, true, 0);
        }

        public Settings withWebhook(String deliverTo, String signedOver) {
            return new Settings(apiKey, apiSecret, deliverTo, signedOver, autoApproveSenders, port);
        }

        public Settings withPort(int newPort) {
            return new Settings(apiKey, apiSecret, webhookUrl, webhookSignedUrl, autoApproveSenders, newPort);
        }
    }

    private final SimulatorServer server;
    private final BitPesaFaults faults = new BitPesaFaults();
    private final BitPesaSimState state = new BitPesaSimState();
    private final BitPesaWebhookSender webhooks;
    private final BitPesaSimSettler settler;
    private volatile String webhookUrl;
    private volatile String webhookSignedUrl;

    private BitPesaSimulator(Settings settings) throws IOException {
        this.webhookUrl = settings.webhookUrl();
        this.webhookSignedUrl = settings.webhookSignedUrl();
        this.webhooks = new BitPesaWebhookSender(settings.apiKey(), settings.apiSecret(), () -> webhookUrl,
                () -> webhookSignedUrl != null ? webhookSignedUrl : webhookUrl, faults);
        this.settler = new BitPesaSimSettler(state, faults, webhooks);
        this.server = SimulatorServer.bind("bitpesa", settings.port());
        BitPesaSimEndpoints endpoints = new BitPesaSimEndpoints(state, faults, settler, settings.autoApproveSenders());
        HttpHandler router = new BitPesaSimRouter(settings, state, faults, endpoints, baseUrl());
        server.serve(router);
        for (String currency : List.of("KES", "NGN", "UGX", "GHS")) {
            state.balance(currency, new BigDecimal("10000000"));
        }
    }

    public static BitPesaSimulator start(Settings settings) {
        try {
            return new BitPesaSimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the BitPesa simulator on port " + settings.port(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public BitPesaFaults faults() {
        return faults;
    }

    /** Where webhooks go and the URL they are signed over (null: the same). */
    public void setWebhook(String deliverTo, String signedOver) {
        this.webhookUrl = deliverTo;
        this.webhookSignedUrl = signedOver;
    }

    /** The state a sender created later with this external_id gets (e.g. "initial": KYC pending). */
    public void presetSenderState(String externalId, String senderState) {
        state.presetSenderStates.put(externalId, senderState);
    }

    public void setBalance(String currency, BigDecimal amount) {
        state.balance(currency, amount);
    }

    public BigDecimal balance(String currency) {
        return state.balance(currency);
    }

    /** All requests received on every path, whatever their answer. */
    public int totalCalls() {
        return state.totalCalls();
    }

    public int callCount(String path) {
        return state.callCount(path);
    }

    /** Transactions created with this external_id (a duplicate is refused, so never more than one). */
    public int createCount(String externalId) {
        return state.createCount(externalId);
    }

    /** Cancel requests ({@code DELETE /v1/transactions/{id}}) received for the transaction with this external_id, accepted or not. */
    public int cancelCount(String externalId) {
        return state.cancelCount(externalId);
    }

    /** Senders held with this external_id (0 or 1). */
    public int senderCount(String externalId) {
        return state.senderByExternalId(externalId) == null ? 0 : 1;
    }

    /** The state of the transaction with this external_id, or null. */
    public String transactionState(String externalId) {
        return state.byExternalId(externalId).stream().map(t -> t.state).findFirst().orElse(null);
    }

    public int webhooksDelivered() {
        return webhooks.deliveredCount();
    }

    public int webhookFailures() {
        return webhooks.failedCount();
    }

    @Override
    public void close() {
        server.stop();
        settler.close();
        webhooks.close();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8094;
        Settings d = Settings.defaults();
        Settings settings = new Settings(Objects.requireNonNullElse(System.getenv("BITPESA_API_KEY"), d.apiKey()),
                Objects.requireNonNullElse(System.getenv("BITPESA_API_SECRET"), d.apiSecret()), System.getenv("BITPESA_WEBHOOK_URL"),
                System.getenv("BITPESA_CALLBACK_PUBLIC_URL"), true, port);
        BitPesaSimulator simulator = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "bitpesa-sim-shutdown"));
        System.out.println(simulator.baseUrl());
        new CountDownLatch(1).await();
    }
}
