package io.paybridge.model;

import static io.paybridge.model.PaymentStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DESIGN.md's state machine: forward only, REVERSED only after SUCCEEDED, NEEDS_REVIEW settles later. */
class PaymentStatusTest {
    @Test
    void movesForwardAlongTheHappyPath() {
        assertThat(RECEIVED.canMoveTo(SUBMITTED)).isTrue();
        assertThat(SUBMITTED.canMoveTo(PENDING)).isTrue();
        assertThat(PENDING.canMoveTo(SUCCEEDED)).isTrue();
        assertThat(SUBMITTED.canMoveTo(SUCCEEDED)).isTrue();
        assertThat(RECEIVED.canMoveTo(FAILED)).isTrue();
        assertThat(SUCCEEDED.canMoveTo(REVERSED)).isTrue();
    }

    @Test
    void neverMovesBackwardsOrSideways() {
        assertThat(PENDING.canMoveTo(SUBMITTED)).isFalse();
        assertThat(SUCCEEDED.canMoveTo(FAILED)).isFalse();
        assertThat(FAILED.canMoveTo(SUCCEEDED)).isFalse();
        assertThat(CANCELLED.canMoveTo(PENDING)).isFalse();
        assertThat(FAILED.canMoveTo(REVERSED)).isFalse();
        assertThat(REVERSED.canMoveTo(SUCCEEDED)).isFalse();
        assertThat(PENDING.canMoveTo(PENDING)).isFalse();
    }

    @Test
    void needsReviewIsEnteredFromFlightAndLeftOnlyForAnOutcome() {
        assertThat(SUBMITTED.canMoveTo(NEEDS_REVIEW)).isTrue();
        assertThat(SUCCEEDED.canMoveTo(NEEDS_REVIEW)).isFalse();
        assertThat(NEEDS_REVIEW.canMoveTo(SUCCEEDED)).isTrue();
        assertThat(NEEDS_REVIEW.canMoveTo(FAILED)).isTrue();
        assertThat(NEEDS_REVIEW.canMoveTo(PENDING)).isFalse();
    }
}
