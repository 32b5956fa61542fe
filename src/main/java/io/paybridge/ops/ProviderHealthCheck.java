package io.paybridge.ops;

import io.paybridge.dispatch.ProviderBreakers;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * One provider as the bundle's own calls see it, never a live call per probe (probes come every
 * few seconds from every replica). DOWN while its circuit breaker is open or half-open, or once its
 * last {@code paybridge.health.provider-down-after-failures} calls all failed; UP again after the
 * breaker closes and the next answer comes (reconciliation keeps polling, so recovery is noticed
 * without probe traffic). Whether DOWN takes the replica out of service is
 * {@code paybridge.health.providers-in-readiness}: by default not, since one provider's outage
 * must not stop intake and callbacks for the others.
 */
public final class ProviderHealthCheck extends AbstractHealthCheck {
    private final String provider;
    private final ProviderHealth health;
    private final ProviderBreakers breakers;
    private final boolean inReadiness;

    public ProviderHealthCheck(String provider, ProviderHealth health, ProviderBreakers breakers, boolean inReadiness) {
        super("paybridge", "provider-" + provider);
        this.provider = provider;
        this.health = health;
        this.breakers = breakers;
        this.inReadiness = inReadiness;
    }

    @Override
    public boolean isLiveness() {
        return false; // a provider outage is no reason to restart paybridge
    }

    @Override
    public boolean isReadiness() {
        return inReadiness;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.details(health.details(provider));
        builder.details(breakers.details(provider));
        ProviderBreakers.State circuit = breakers.state(provider);
        if (circuit != ProviderBreakers.State.CLOSED) {
            builder.message(provider + " circuit breaker is " + circuit.name().toLowerCase(Locale.ROOT)
                    + ": new payments are held, status queries skipped").down();
        } else if (health.down(provider)) {
            builder.message(provider + " failed its last " + health.consecutiveFailures(provider) + " calls").down();
        } else {
            builder.up();
        }
    }
}
