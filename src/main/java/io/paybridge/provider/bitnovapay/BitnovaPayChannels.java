package io.paybridge.provider.bitnovapay;

import java.util.Optional;

/**
 * The Direct Pay channel STK pushes go to, configured by numeric id or by label. A label is
 * resolved once, through the channel listing (creating the channel when it is missing and a
 * shortcode is configured), and the id is kept for the life of the process.
 */
final class BitnovaPayChannels {
    private final String configured;
    private volatile Long resolved;

    BitnovaPayChannels(String configured) {
        this.configured = configured == null ? null : configured.trim();
        this.resolved = this.configured != null && this.configured.matches("\\d{1,18}") ? Long.valueOf(this.configured) : null;
    }

    Optional<Long> id() {
        return Optional.ofNullable(resolved);
    }

    String label() {
        return configured;
    }

    void remember(long id) {
        resolved = id;
    }
}
