package io.paybridge.sandbox.bitlipa;

import java.math.BigDecimal;

/** One order (payment_c2b or payment_b2c) as the gateway holds it; status changes on the settler's thread. */
final class BitlipaOrder {
    final String orderId;
    final String transactionId;
    final boolean c2b;
    final int providerId;
    final String customerId;
    final BigDecimal amount;
    final String currency;
    final String callbackUrl;
    final String flow;
    /** The exact answer first given, replayed for a repeated order_id (the document's idempotency). */
    volatile String firstAnswer;
    volatile int status = 1;

    BitlipaOrder(String orderId, String transactionId, boolean c2b, int providerId, String customerId, BigDecimal amount, String currency,
                 String callbackUrl, String flow) {
        this.orderId = orderId;
        this.transactionId = transactionId;
        this.c2b = c2b;
        this.providerId = providerId;
        this.customerId = customerId;
        this.amount = amount;
        this.currency = currency;
        this.callbackUrl = callbackUrl;
        this.flow = flow;
    }

    boolean redirectFlow() {
        return c2b && "redirect-via-status".equals(flow);
    }

    boolean bankDetailsFlow() {
        return c2b && "bank-details".equals(flow);
    }

    /** Outcome by the customer id's last digits: 999 failed, 997 cancelled, 998 never settles, else success. */
    int finalStatus() {
        if (customerId.endsWith("999")) {
            return 3;
        }
        if (customerId.endsWith("997")) {
            return 4;
        }
        return customerId.endsWith("998") ? 1 : 2;
    }
}
