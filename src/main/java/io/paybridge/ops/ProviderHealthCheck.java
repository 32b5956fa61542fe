package io.paybridge.ops;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one provider from {@link ProviderHealth}: DOWN once its last
 * {@code paybridge.health.provider-down-after-failures} calls all failed, UP again after the next
 * answer (reconciliation keeps polling, so recovery is noticed without probe traffic). Never a
 * live call per probe: probes come every few seconds from every replica.
 */
public final class ProviderHealthCheck extends AbstractHealthCheck {
    private final String provider;
    private final ProviderHealth health;

    public ProviderHealthCheck(String provider, ProviderHealth health) {
        super("paybridge", "provider-" + provider);
        this.provider = provider;
        this.health = health;
    }

    @Override
    public boolean isLiveness() {
        return false; // a provider outage is no reason to restart paybridge
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.details(health.details(provider));
        if (health.down(provider)) {
            builder.message(provider + " failed its last " + health.consecutiveFailures(provider) + " calls").down();
        } else {
            builder.up();
        }
    }
}
