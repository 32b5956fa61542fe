package io.paybridge.model;

/** Which way the money moves. */
public enum PaymentType {
    /** Money in: STK push, charge, C2B. */
    COLLECTION,
    /** Money out: B2C, withdrawal, transfer to a recipient. */
    PAYOUT
}
