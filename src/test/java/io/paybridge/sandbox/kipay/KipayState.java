package io.paybridge.sandbox.kipay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Everything the Kipay simulator remembers: transactions, customers, channels, C2B URLs, counters. */
final class KipayState {
    record Customer(long id, String email, String firstName, String lastName, String phone, String createdAt) {
    }

    record Channel(long id, String name, String provider, boolean active) {
    }

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();
    private final Map<String, KipayTransaction> byReference = new ConcurrentHashMap<>();
    private final List<KipayTransaction> transactions = new CopyOnWriteArrayList<>();
    private final List<Customer> customers = new CopyOnWriteArrayList<>();
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(100); // clear of the configured channel ids
    private volatile Map<String, String> c2bUrls;

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

    /** Creations per merchant reference (STK {@code reference}) and per email (checkout, customers/create). */
    int createCount(String key) {
        AtomicInteger n = creates.get(key);
        return n == null ? 0 : n.get();
    }

    void countCreate(String key) {
        if (key != null) {
            creates.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    void add(KipayTransaction t) {
        byReference.put(t.reference, t);
        transactions.add(t);
    }

    KipayTransaction find(String reference) {
        return byReference.get(reference);
    }

    List<KipayTransaction> newestFirst() {
        List<KipayTransaction> copy = new ArrayList<>(transactions);
        copy.sort(Comparator.comparing((KipayTransaction t) -> t.createdAt).thenComparing(t -> t.id).reversed());
        return copy;
    }

    void addCustomer(Customer c) {
        customers.add(c);
    }

    List<Customer> customers() {
        return List.copyOf(customers);
    }

    void addChannel(Channel c) {
        channels.add(c);
    }

    List<Channel> channels() {
        return List.copyOf(channels);
    }

    Map<String, String> c2bUrls() {
        return c2bUrls;
    }

    void c2bUrls(Map<String, String> urls) {
        c2bUrls = urls;
    }
}
