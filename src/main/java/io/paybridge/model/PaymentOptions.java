package io.paybridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the ERP asks paybridge to do on its behalf while a payment is under way, in provider-neutral
 * terms. A provider that has no such situation ignores the option (it never applies there).
 *
 * <p>{@code cancelOnRecipientError}: when the provider reports that the recipient of a payout
 * cannot be paid (an account that cannot be credited, a wallet that refuses the money) and the
 * provider lets a payout be cancelled, cancel it once, so the money goes back instead of waiting
 * for an operator. Without it the payment waits in NEEDS_REVIEW for someone to fix or cancel it.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record PaymentOptions(boolean cancelOnRecipientError) {
}
