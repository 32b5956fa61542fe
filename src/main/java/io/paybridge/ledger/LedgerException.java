package io.paybridge.ledger;

/** The ledger could not be read or written; the caller must not assume anything changed. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
