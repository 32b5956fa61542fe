package io.paybridge.dispatch;

import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ConnectorRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a command to its provider (explicit, else the routing rules) and checks it against that
 * provider's rules, so a payment the provider would refuse is refused here, before any call.
 */
public final class ProviderChoice {
    /** The bound command, or the violations that stop it. */
    public record Result(PaymentCommand command, List<Violation> violations) {
    }

    private final ConnectorRegistry connectors;
    private final RoutingRules rules;

    public ProviderChoice(ConnectorRegistry connectors, RoutingRules rules) {
        this.connectors = connectors;
        this.rules = rules;
    }

    public Result bind(PaymentCommand command) {
        String name = command.provider() != null ? command.provider() : rules.providerFor(command).orElse(null);
        if (name == null) {
            return refused(command, new Violation("provider", "routing", "no routing rule matches country " + command.country()
                    + ", currency " + command.currency() + ", type " + command.type() + "; name a provider or add a rule"));
        }
        Optional<Connector> connector = connectors.find(name);
        if (connector.isEmpty()) {
            return refused(command, new Violation("provider", "known-provider",
                    "unknown provider '" + name + "'; configured: " + String.join(", ", connectors.names())));
        }
        if (!connector.get().supports(command.type())) {
            String kind = command.type().name().toLowerCase(java.util.Locale.ROOT);
            return refused(command, new Violation("type", name + ".supported-type", name + " has no " + kind
                    + " API, so this " + command.type() + " cannot be sent to " + name + "; route it to a provider that offers "
                    + kind + "s"));
        }
        PaymentCommand bound = command.withProvider(name);
        List<Violation> violations = new ArrayList<>(connector.get().check(bound));
        return new Result(violations.isEmpty() ? bound : null, violations);
    }

    private static Result refused(PaymentCommand command, Violation violation) {
        return new Result(null, List.of(violation));
    }
}
