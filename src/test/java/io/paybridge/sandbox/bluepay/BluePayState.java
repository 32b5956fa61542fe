package io.paybridge.sandbox.bluepay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the simulator remembers, in memory. Lookups are lock-free; the check-then-act
 * sequences (idempotent create, balance debit) run under this object's monitor, which the
 * endpoint classes take with {@code synchronized (state)}.
 */
final class BluePayState {

    static final BigDecimal DEFAULT_B2C_BALANCE = kes(new BigDecimal("1000000"));
    static final BigDecimal DEFAULT_SERVICE_TOKENS = kes(new BigDecimal("100000"));

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failedPayouts = new ConcurrentHashMap<>();
    // Not copy-on-write: a million-payout benchmark would copy the whole list on every payout.
    private final List<String> receivedReferences = new ArrayList<>();

    private final AtomicInteger stkSequence = new AtomicInteger();
    private final AtomicInteger paymentSequence = new AtomicInteger();
    private final Map<String, BluePayStk> stkByCheckout = new ConcurrentHashMap<>();
    private final Map<String, BluePayStk> stkByReference = new ConcurrentHashMap<>();
    private final Map<Integer, BluePayStk> stkById = new ConcurrentHashMap<>();

    private final Map<String, BluePayPayout> payoutsById = new ConcurrentHashMap<>();
    /** Latest payout per reference: a failed one may be superseded by a retry. */
    private final Map<String, BluePayPayout> payoutsByReference = new ConcurrentHashMap<>();

    private BigDecimal b2cBalance = DEFAULT_B2C_BALANCE;
    private BigDecimal serviceTokens = DEFAULT_SERVICE_TOKENS;

    static BigDecimal kes(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    void countCall(String path) {
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int callCount(String path) {
        AtomicInteger count = calls.get(path);
        return count == null ? 0 : count.get();
    }

    void recordReference(String reference) {
        synchronized (receivedReferences) {
            receivedReferences.add(reference);
        }
    }

    List<String> receivedReferences() {
        synchronized (receivedReferences) {
            return List.copyOf(receivedReferences);
        }
    }

    int createCount(String reference) {
        AtomicInteger count = creates.get(reference);
        return count == null ? 0 : count.get();
    }

    /** Payouts of this reference that failed: BluePay lets a failed payout's reference be used again. */
    int failedPayoutCount(String reference) {
        AtomicInteger count = failedPayouts.get(reference);
        return count == null ? 0 : count.get();
    }

    int nextStkRequestId() {
        return stkSequence.incrementAndGet();
    }

    int nextPaymentId() {
        return paymentSequence.incrementAndGet();
    }

    synchronized void addStk(BluePayStk stk) {
        stkByCheckout.put(stk.checkoutRequestId, stk);
        stkByReference.put(stk.accountReference, stk);
        stkById.put(stk.stkRequestId, stk);
        creates.computeIfAbsent(stk.accountReference, r -> new AtomicInteger()).incrementAndGet();
    }

    BluePayStk stkByCheckout(String checkoutRequestId) {
        return stkByCheckout.get(checkoutRequestId);
    }

    BluePayStk stkByReference(String accountReference) {
        return stkByReference.get(accountReference);
    }

    BluePayStk stkById(int stkRequestId) {
        return stkById.get(stkRequestId);
    }

    synchronized void addPayout(BluePayPayout payout) {
        b2cBalance = b2cBalance.subtract(BigDecimal.valueOf(payout.amount));
        serviceTokens = serviceTokens.subtract(payout.fee);
        payoutsById.put(payout.id, payout);
        payoutsByReference.put(payout.reference, payout);
        creates.computeIfAbsent(payout.reference, r -> new AtomicInteger()).incrementAndGet();
    }

    /** The document: on failure the principal is reversed, the service-token fee is not. */
    synchronized void refundPayout(BluePayPayout payout) {
        b2cBalance = b2cBalance.add(BigDecimal.valueOf(payout.amount));
        failedPayouts.computeIfAbsent(payout.reference, r -> new AtomicInteger()).incrementAndGet();
    }

    BluePayPayout payoutById(String id) {
        return payoutsById.get(id);
    }

    BluePayPayout payoutByReference(String reference) {
        return payoutsByReference.get(reference);
    }

    synchronized BigDecimal b2cBalance() {
        return b2cBalance;
    }

    synchronized void b2cBalance(BigDecimal kes) {
        b2cBalance = kes(kes);
    }

    synchronized BigDecimal serviceTokens() {
        return serviceTokens;
    }

    synchronized void serviceTokens(BigDecimal kes) {
        serviceTokens = kes(kes);
    }
}
