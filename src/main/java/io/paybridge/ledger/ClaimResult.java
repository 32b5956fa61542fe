package io.paybridge.ledger;

/**
 * The answer to claiming a payment id. {@code created} is false when the id was already held;
 * {@code sameCommand} then tells whether the repeat carried the same instruction.
 */
public record ClaimResult(Payment payment, boolean created, boolean sameCommand) {
}
