package io.paybridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import io.paybridge.dispatch.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the enabled connectors from configuration. Adding a provider adds one line to
 * {@link #register}; its settings are read by its own package.
 */
final class Providers {
    private Providers() {
    }

    static ConnectorRegistry register(Settings settings, ObjectMapper json) {
        ConnectorRegistry registry = new ConnectorRegistry();
        if (settings.enabled("paybridge.bluepay.enabled")) {
            registry.register(new BluePayConnector(BluePaySettings.from(settings), json));
        }
        return registry;
    }

    /** {@code paybridge.<provider>.poll-after} where set; other providers use the default. */
    static Map<String, Duration> pollDelays(Settings settings, ConnectorRegistry registry) {
        Map<String, Duration> delays = new HashMap<>();
        for (String name : registry.names()) {
            if (settings.optional("paybridge." + name + ".poll-after") != null) {
                delays.put(name, settings.duration("paybridge." + name + ".poll-after"));
            }
        }
        return delays;
    }

    /**
     * {@code paybridge.<provider>.rate-limit-per-minute} where set and positive: one limiter per
     * provider, shared by every route that calls it.
     */
    static Map<String, RateLimiter> rateLimits(Settings settings, ConnectorRegistry registry, Clock clock) {
        Map<String, RateLimiter> limits = new HashMap<>();
        for (String name : registry.names()) {
            String value = settings.optional("paybridge." + name + ".rate-limit-per-minute");
            if (value != null && !value.isBlank() && Integer.parseInt(value) > 0) {
                limits.put(name, new RateLimiter(Integer.parseInt(value), Duration.ofMinutes(1), clock));
            }
        }
        return limits;
    }

}
