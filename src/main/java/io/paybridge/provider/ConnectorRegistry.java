package io.paybridge.provider;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured connectors by name. Adding a provider is one {@link #register} line in the configuration. */
public final class ConnectorRegistry {
    private final Map<String, Connector> connectors = new TreeMap<>();

    public ConnectorRegistry register(Connector connector) {
        connectors.put(connector.name(), connector);
        return this;
    }

    public Optional<Connector> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(connectors.get(name));
    }

    public Collection<String> names() {
        return connectors.keySet();
    }
}
