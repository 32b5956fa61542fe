package io.paybridge.sandbox.bitpesa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything the BitPesa simulator remembers; check-then-act sequences are synchronized on this object. */
final class BitPesaSimState {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> cancels = new ConcurrentHashMap<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    /** Senders by id; each is its JSON object (id, external_id, state, …). */
    final Map<String, ObjectNode> senders = new ConcurrentHashMap<>();
    final Map<String, BitPesaSimTransaction> transactions = new ConcurrentHashMap<>();
    final Map<String, String> presetSenderStates = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> balances = new ConcurrentHashMap<>();

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

    int createCount(String externalId) {
        AtomicInteger n = creates.get(externalId);
        return n == null ? 0 : n.get();
    }

    void countCreate(String externalId) {
        creates.computeIfAbsent(externalId, e -> new AtomicInteger()).incrementAndGet();
    }

    int cancelCount(String externalId) {
        AtomicInteger n = cancels.get(externalId);
        return n == null ? 0 : n.get();
    }

    void countCancel(String externalId) {
        cancels.computeIfAbsent(String.valueOf(externalId), e -> new AtomicInteger()).incrementAndGet();
    }

    /** False when the nonce was seen before: BitPesa refuses a replayed request. */
    boolean freshNonce(String nonce) {
        return nonces.add(nonce);
    }

    ObjectNode senderByExternalId(String externalId) {
        return senders.values().stream().filter(s -> externalId.equals(BitPesaSimJson.text(s, "external_id"))).findFirst().orElse(null);
    }

    List<BitPesaSimTransaction> byExternalId(String externalId) {
        return transactions.values().stream().filter(t -> externalId.equals(t.externalId)).toList();
    }

    synchronized BigDecimal balance(String currency) {
        return balances.getOrDefault(currency, BigDecimal.ZERO);
    }

    synchronized void balance(String currency, BigDecimal amount) {
        balances.put(currency, amount);
    }

    /** Takes {@code amount} from the balance if it is there; false otherwise. */
    synchronized boolean debit(String currency, BigDecimal amount) {
        BigDecimal now = balance(currency);
        if (now.compareTo(amount) < 0) {
            return false;
        }
        balances.put(currency, now.subtract(amount));
        return true;
    }

    synchronized void credit(String currency, BigDecimal amount) {
        balances.put(currency, balance(currency).add(amount));
    }

    Map<String, BigDecimal> balances() {
        return Map.copyOf(balances);
    }
}
