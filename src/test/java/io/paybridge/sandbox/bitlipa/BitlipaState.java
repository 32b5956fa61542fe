package io.paybridge.sandbox.bitlipa;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the gateway simulator remembers: orders by order_id and by transaction id, and counters. */
final class BitlipaState {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();
    private final Map<String, BitlipaOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, BitlipaOrder> byTransaction = new ConcurrentHashMap<>();
    private final AtomicLong transactionSequence = new AtomicLong(732007046700L);

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

    int createCount(String orderId) {
        AtomicInteger n = creates.get(orderId);
        return n == null ? 0 : n.get();
    }

    String nextTransactionId() {
        return String.valueOf(transactionSequence.incrementAndGet());
    }

    /** Adds the order unless one with its order_id exists; returns the one held. */
    synchronized BitlipaOrder putIfAbsent(BitlipaOrder order) {
        BitlipaOrder held = orders.putIfAbsent(order.orderId, order);
        if (held != null) {
            return held;
        }
        byTransaction.put(order.transactionId, order);
        creates.computeIfAbsent(order.orderId, o -> new AtomicInteger()).incrementAndGet();
        return order;
    }

    BitlipaOrder order(String orderId) {
        return orderId == null ? null : orders.get(orderId);
    }

    BitlipaOrder byTransaction(String transactionId) {
        return byTransaction.get(transactionId);
    }
}
