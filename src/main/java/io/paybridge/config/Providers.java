package io.paybridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.provider.ConnectorRegistry;
import io.paybridge.provider.bluepay.BluePayConnector;
import io.paybridge.provider.bluepay.BluePaySettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds the enabled connectors from configuration: one registration per provider. */
final class Providers {
    private Providers() {
    }

    static ConnectorRegistry register(PaybridgeConfiguration.Settings settings, ObjectMapper json) {
        ConnectorRegistry registry = new ConnectorRegistry();
        if (settings.flag("paybridge.bluepay.enabled")) {
            registry.register(new BluePayConnector(bluePay(settings), json));
        }
        return registry;
    }

    /** {@code paybridge.<provider>.poll-after} where set; other providers use the default. */
    static Map<String, Duration> pollDelays(PaybridgeConfiguration.Settings settings, ConnectorRegistry registry) {
        Map<String, Duration> delays = new HashMap<>();
        for (String name : registry.names()) {
            if (settings.optional("paybridge." + name + ".poll-after") != null) {
                delays.put(name, settings.duration("paybridge." + name + ".poll-after"));
            }
        }
        return delays;
    }

    private static BluePaySettings bluePay(PaybridgeConfiguration.Settings s) {
        String secret = s.optional("paybridge.bluepay.api-secret");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("paybridge.bluepay.api-secret is required (environment BLUEPAY_API_SECRET): "
                    + "it authenticates calls and verifies BluePay's webhook signatures");
        }
        return new BluePaySettings(s.text("paybridge.bluepay.base-url"), secret, s.optional("paybridge.bluepay.basic-username"),
                s.optional("paybridge.bluepay.basic-password"), s.optional("paybridge.bluepay.channel-id"),
                s.optional("paybridge.bluepay.callback-url"));
    }
}
