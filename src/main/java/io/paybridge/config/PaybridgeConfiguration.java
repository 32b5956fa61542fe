package io.paybridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.admin.OperatorQueries;
import io.paybridge.batch.BatchBeans;
import io.paybridge.batch.BatchSettings;
import io.paybridge.callback.CallbackEndpoint;
import io.paybridge.callback.CallbackHandler;
import io.paybridge.dispatch.BreakerGate;
import io.paybridge.dispatch.CallSlots;
import io.paybridge.dispatch.Dispatcher;
import io.paybridge.dispatch.FollowUps;
import io.paybridge.dispatch.LostAnswers;
import io.paybridge.dispatch.ProviderCalls;
import io.paybridge.dispatch.ProviderBreakers;
import io.paybridge.dispatch.ProviderChoice;
import io.paybridge.dispatch.ProviderStartup;
import io.paybridge.dispatch.ReconcilePolicy;
import io.paybridge.dispatch.Reconciler;
import io.paybridge.dispatch.RetryBackoff;
import io.paybridge.dispatch.RoutingRules;
import io.paybridge.intake.CommandReader;
import io.paybridge.intake.CommandSchema;
import io.paybridge.intake.DeadLetters;
import io.paybridge.intake.DlqReader;
import io.paybridge.intake.DlqReplay;
import io.paybridge.intake.Intake;
import io.paybridge.intake.KafkaOffsets;
import io.paybridge.intake.RestAnswers;
import io.paybridge.ledger.FollowUpLog;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.LedgerDatabase;
import io.paybridge.ledger.MigratedDataSource;
import io.paybridge.ledger.DlqReplays;
import io.paybridge.ledger.Leases;
import io.paybridge.ledger.Outbox;
import io.paybridge.ledger.OutboxRelay;
import io.paybridge.ops.LedgerHealthCheck;
import io.paybridge.ops.Metrics;
import io.paybridge.ops.ProviderHealth;
import io.paybridge.ops.ProviderHealthCheck;
import io.paybridge.provider.ConnectorRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Registry;

/**
 * The bundle's one configuration class: reads {@code paybridge.*} properties (each overridable
 * by its environment variable, e.g. {@code PAYBRIDGE_KAFKA_BROKERS}) and binds the beans the
 * YAML routes call by name.
 */
public class PaybridgeConfiguration implements CamelConfiguration {
    /** Where ledger commits wake the outbox relay (routes/outbox-relay.camel.yaml); a full queue means a wake is already pending. */
    static final String OUTBOX_WAKE = "seda:outbox-wake?size=1&discardWhenFull=true";

    /**
     * Retries of requests the provider did not accept: exponential back-off from the configured
     * delay with jitter, or the provider's Retry-After, both capped.
     */
    private static RetryBackoff retryPolicy(Settings settings, Clock clock) {
        return new RetryBackoff(settings.integer("paybridge.dispatch.max-retries"),
                Duration.ofMillis(settings.integer("paybridge.dispatch.retry-delay-ms")),
                Duration.ofMillis(settings.integer("paybridge.dispatch.retry-max-delay-ms")),
                Duration.ofMillis(settings.integer("paybridge.dispatch.retry-after-max-ms")),
                clock, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** This process's name among replicas: the host (the pod's name on Kubernetes) and a per-start suffix. */
    private static String replicaName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "paybridge");
        return host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = new Settings(context);
        Clock clock = Clock.systemUTC();
        ObjectMapper json = Json.newMapper();

        MigratedDataSource dataSource = LedgerDatabase.openInBackground(settings.text("paybridge.ledger.url"),
                settings.text("paybridge.ledger.username"), settings.optional("paybridge.ledger.password"),
                settings.integer("paybridge.ledger.pool-size"));
        context.addService(new ServiceCloser(dataSource), true, true);
        context.addStartupListener(new LedgerGate(dataSource));
        Ledger ledger = new Ledger(dataSource, json, clock);
        Outbox outbox = new Outbox(dataSource, clock);
        Leases leases = new Leases(dataSource, clock, replicaName());
        OutboxRelay relay = new OutboxRelay(outbox, settings.text("paybridge.kafka.brokers"),
                settings.text("paybridge.topics.events"), settings.integer("paybridge.outbox.batch-size"),
                leases.forJob("outbox-relay", settings.duration("paybridge.replicas.lease-ttl")));
        context.addService(new ServiceCloser(relay), true, true);
        ProducerTemplate wakeUps = context.createProducerTemplate();
        relay.onWake(() -> wakeUps.sendBody(OUTBOX_WAKE, null));
        ledger.onTransition(event -> relay.wake());

        ConnectorRegistry connectors = Providers.register(settings, json);
        ProviderChoice choice = new ProviderChoice(connectors, RoutingRules.parse(settings.optional("paybridge.routing.rules")));
        CommandReader reader = new CommandReader(json, new CommandSchema());
        ReconcilePolicy policy = new ReconcilePolicy(settings.duration("paybridge.reconcile.unsent-after"),
                settings.duration("paybridge.reconcile.poll-after"), Providers.pollDelays(settings, connectors),
                settings.integer("paybridge.reconcile.batch-size"), settings.duration("paybridge.reconcile.lost-answer-after"));
        RetryBackoff backoff = retryPolicy(settings, clock);

        ProviderBreakers breakers = new ProviderBreakers(Providers.breakers(settings, connectors), clock);
        CallSlots slots = new CallSlots(Providers.concurrencyCaps(settings, connectors));

        Registry registry = context.getRegistry();
        bindOperations(context, settings, clock, dataSource, ledger, outbox, connectors, breakers, slots);
        registry.bind("providerBreakers", breakers);
        registry.bind("callSlots", slots);
        registry.bind("providerRetryPolicy", backoff);
        registry.bind("json", json);
        registry.bind("ledger", ledger);
        registry.bind("outbox", outbox);
        registry.bind("outboxRelay", relay);
        registry.bind("connectors", connectors);
        registry.bind("intake", new Intake(reader, choice, ledger));
        registry.bind("deadLetters", new DeadLetters(json));
        registry.bind("dlqReplay", new DlqReplay(new DlqReader(settings.text("paybridge.kafka.brokers"),
                settings.text("paybridge.topics.dlq")), new DlqReplays(dataSource, clock), json,
                registry.lookupByNameAndType("metrics", Metrics.class)));
        registry.bind("kafkaOffsets", new KafkaOffsets());
        registry.bind("restAnswers", new RestAnswers(ledger, json));
        registry.bind("dispatcher", new Dispatcher(ledger, connectors,
                new LostAnswers(ledger, settings.integer("paybridge.dispatch.lost-answer-delay-ms")),
                new BreakerGate(breakers, ledger, clock)));
        registry.bind("providerCalls", new ProviderCalls(connectors, Providers.rateLimits(settings, connectors, clock), backoff));
        registry.bind("providerStartup", new ProviderStartup(connectors));
        registry.bind("reconciler", new Reconciler(ledger, connectors, policy, clock,
                leases.forJob("reconcile", settings.duration("paybridge.replicas.lease-ttl")
                        .plusMillis(settings.integer("paybridge.reconcile.interval-ms"))), breakers));
        registry.bind("callbacks", new CallbackEndpoint(new CallbackHandler(connectors, ledger), json,
                settings.integer("paybridge.callbacks.max-body-bytes")));
        registry.bind("operatorQueries", new OperatorQueries(connectors));
        registry.bind("followUps", new FollowUps(ledger, new FollowUpLog(dataSource, clock), connectors));
        BatchBeans.bind(registry, BatchSettings.from(settings), dataSource, ledger, reader, choice, json, clock);
    }

    /**
     * Metrics and health. The Prometheus registry is bound under Camel's own name
     * ({@code metricsRegistry}) so camel-micrometer-prometheus serves our meters next to Camel's
     * on the management port; health checks bound in the registry are picked up by camel-health.
     */
    private static void bindOperations(CamelContext context, Settings settings, Clock clock, DataSource dataSource,
            Ledger ledger, Outbox outbox, ConnectorRegistry connectors, ProviderBreakers breakers, CallSlots slots) throws Exception {
        Registry registry = context.getRegistry();
        PrometheusMeterRegistry meters = registry.lookupByNameAndType("metricsRegistry", PrometheusMeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind("metricsRegistry", meters);
        }
        ProviderHealth providerHealth = new ProviderHealth(clock, settings.integer("paybridge.health.provider-down-after-failures"));
        Metrics metrics = new Metrics(meters, providerHealth);
        metrics.watchOutbox(outbox);
        ledger.onTransition(metrics::transition);
        breakers.onRejected(metrics::circuitRejected);
        breakers.providers().forEach(p -> metrics.watchCircuit(p, () -> breakers.state(p).gauge));
        slots.caps().keySet().forEach(p -> metrics.watchInFlight(p, () -> slots.inFlight(p)));
        registry.bind("metrics", metrics);

        LedgerHealthCheck ledgerCheck = new LedgerHealthCheck(dataSource,
                Duration.ofMillis(settings.integer("paybridge.health.ledger-timeout-ms")));
        context.addService(new ServiceCloser(ledgerCheck), true, true);
        registry.bind("ledgerHealthCheck", ledgerCheck);
        boolean providersInReadiness = settings.flag("paybridge.health.providers-in-readiness");
        for (String provider : connectors.names()) {
            registry.bind("providerHealthCheck-" + provider, new ProviderHealthCheck(provider, providerHealth, breakers, providersInReadiness));
        }
    }
}
