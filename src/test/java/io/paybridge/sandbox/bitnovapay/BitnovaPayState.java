package io.paybridge.sandbox.bitnovapay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the BitnovaPay simulator remembers: payments, channels, webhooks, the wallet, counters. */
final class BitnovaPayState {
    record Channel(long id, String label, String type, String shortcode, boolean active) {
    }

    record Webhook(long id, String url, List<String> events, String secret) {
    }

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();
    private final Map<String, BitnovaPayRecord> byReference = new ConcurrentHashMap<>();
    private final List<BitnovaPayRecord> all = new CopyOnWriteArrayList<>();
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final List<Webhook> webhooks = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private BigDecimal wallet = new BigDecimal("100000.00");

    void countCall(String path) {
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int callCount(String path) {
        AtomicInteger n = calls.get(path);
        return n == null ? 0 : n.get();
    }

    int createCount(String key) {
        AtomicInteger n = creates.get(key);
        return n == null ? 0 : n.get();
    }

    void add(BitnovaPayRecord record) {
        byReference.put(record.reference, record);
        all.add(record);
        // Counted by the payment id the description names ("<text> [<id>]" or "<id>"), and by the party.
        String tag = record.description == null ? null : record.description.endsWith("]") && record.description.contains("[")
                ? record.description.substring(record.description.lastIndexOf('[') + 1, record.description.length() - 1)
                : record.description;
        if (tag != null) {
            creates.computeIfAbsent(tag, k -> new AtomicInteger()).incrementAndGet();
        }
        if (record.party != null && !record.party.equals(tag)) {
            creates.computeIfAbsent(record.party, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    BitnovaPayRecord find(String reference) {
        return byReference.get(reference);
    }

    /** Newest first, as a listing shows them. */
    List<BitnovaPayRecord> payments() {
        List<BitnovaPayRecord> copy = new ArrayList<>(all);
        copy.removeIf(r -> r.kind != BitnovaPayRecord.Kind.PAYMENT);
        copy.sort(Comparator.comparing((BitnovaPayRecord r) -> r.createdAt).reversed());
        return copy;
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    List<Channel> channels() {
        return List.copyOf(channels);
    }

    void addChannel(Channel channel) {
        channels.add(channel);
    }

    synchronized Webhook webhookFor(String url) {
        return webhooks.stream().filter(w -> w.url().equals(url)).findFirst().orElse(null);
    }

    synchronized void addWebhook(Webhook webhook) {
        webhooks.add(webhook);
    }

    boolean removeWebhook(long id) {
        return webhooks.removeIf(w -> w.id() == id);
    }

    List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }

    synchronized BigDecimal wallet() {
        return wallet;
    }

    synchronized void wallet(BigDecimal kes) {
        wallet = BitnovaPayJson.kes(kes);
    }

    /** Debits the wallet if it holds enough; false otherwise. */
    synchronized boolean debit(BigDecimal kes) {
        if (wallet.compareTo(kes) < 0) {
            return false;
        }
        wallet = wallet.subtract(kes);
        return true;
    }

    synchronized void credit(BigDecimal kes) {
        wallet = wallet.add(kes);
    }
}
