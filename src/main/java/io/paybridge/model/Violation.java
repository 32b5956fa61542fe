package io.paybridge.model;

/**
 * One broken rule of one field: {@code field} is a dotted path into the command
 * ({@code customer.phone}), {@code rule} a short stable name ({@code required}, {@code pattern},
 * {@code bluepay.stk.amount-range}), {@code message} what a person reads.
 */
public record Violation(String field, String rule, String message) {
}
