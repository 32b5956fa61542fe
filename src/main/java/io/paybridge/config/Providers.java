package io.paybridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.bitnovapay.BitnovaPayConnector;
import io.paybridge.provider.bitnovapay.BitnovaPaySettings;
import io.paybridge.provider.bitlipa.BitlipaConnector;
import io.paybridge.provider.bitlipa.BitlipaSettings;
import io.paybridge.provider.bitpesa.BitPesaConnector;
import io.paybridge.provider.bitpesa.BitPesaSettings;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import io.paybridge.provider.kipay.KipayConnector;
import io.paybridge.provider.kipay.KipaySettings;
import io.paybridge.dispatch.BreakerSettings;
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
        if (settings.enabled("paybridge.bitnovapay.enabled")) {
            registry.register(new BitnovaPayConnector(BitnovaPaySettings.from(settings), json));
        }
        if (settings.enabled("paybridge.kipay.enabled")) {
            registry.register(new KipayConnector(KipaySettings.from(settings), json));
        }
        if (settings.enabled("paybridge.bitlipa.enabled")) {
            registry.register(new BitlipaConnector(BitlipaSettings.from(settings), json));
        }
        if (settings.enabled("paybridge.bitpesa.enabled")) {
            registry.register(new BitPesaConnector(BitPesaSettings.from(settings), json));
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
     * provider, shared by every route that calls it. The window is
     * {@code paybridge.<provider>.rate-limit-window} (ISO-8601, default one minute; tests shorten
     * it). Each call holds its slot for the window plus {@link #jitterMargin}: the limiter counts
     * when a call leaves, the provider when it arrives, and two calls do not travel equally fast.
     */
    static Map<String, RateLimiter> rateLimits(Settings settings, ConnectorRegistry registry, Clock clock) {
        Map<String, RateLimiter> limits = new HashMap<>();
        for (String name : registry.names()) {
            String value = settings.optional("paybridge." + name + ".rate-limit-per-minute");
            if (value != null && !value.isBlank() && Integer.parseInt(value) > 0) {
                String windowKey = "paybridge." + name + ".rate-limit-window";
                Duration window = settings.optional(windowKey) == null ? Duration.ofMinutes(1) : settings.duration(windowKey);
                limits.put(name, new RateLimiter(Integer.parseInt(value), window.plus(jitterMargin(window)), clock));
            }
        }
        return limits;
    }

    /**
     * 2% of the window, at least one second: 1.2 s on a one-minute window. Calls leave in order
     * but can arrive up to a scheduling hiccup apart; the margin keeps a loaded machine from
     * landing a 101st call in the provider's window.
     */
    static Duration jitterMargin(Duration window) {
        Duration twoPercent = window.dividedBy(50);
        Duration floor = Duration.ofSeconds(1);
        return twoPercent.compareTo(floor) > 0 ? twoPercent : floor;
    }

    /**
     * Each provider's breaker policy: {@code paybridge.<provider>.breaker.<name>} where set, else
     * the default {@code paybridge.breaker.<name>}.
     */
    static Map<String, BreakerSettings> breakers(Settings settings, ConnectorRegistry registry) {
        Map<String, BreakerSettings> policies = new HashMap<>();
        for (String name : registry.names()) {
            policies.put(name, new BreakerSettings(settings.flag(breakerKey(settings, name, "enabled")),
                    settings.integer(breakerKey(settings, name, "failure-rate-percent")),
                    settings.integer(breakerKey(settings, name, "window-calls")),
                    settings.integer(breakerKey(settings, name, "minimum-calls")),
                    settings.duration(breakerKey(settings, name, "open-for")),
                    settings.integer(breakerKey(settings, name, "half-open-calls")),
                    settings.duration(breakerKey(settings, name, "half-open-max-wait")),
                    settings.duration(breakerKey(settings, name, "hold-new-payments-for"))));
        }
        return policies;
    }

    private static String breakerKey(Settings settings, String provider, String name) {
        String own = "paybridge." + provider + ".breaker." + name;
        String value = settings.optional(own);
        return value != null && !value.isBlank() ? own : "paybridge.breaker." + name;
    }

    /** {@code paybridge.<provider>.max-concurrent-calls} where set, else {@code paybridge.providers.max-concurrent-calls}. */
    static Map<String, Integer> concurrencyCaps(Settings settings, ConnectorRegistry registry) {
        Map<String, Integer> caps = new HashMap<>();
        for (String name : registry.names()) {
            String own = "paybridge." + name + ".max-concurrent-calls";
            String value = settings.optional(own);
            caps.put(name, settings.integer(value != null && !value.isBlank() ? own : "paybridge.providers.max-concurrent-calls"));
        }
        return caps;
    }
}
