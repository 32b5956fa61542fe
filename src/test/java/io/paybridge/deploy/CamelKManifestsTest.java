package io.paybridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.paybridge.deploy.Manifests.Manifest;
import io.paybridge.testing.BundleProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/camel-k against the Camel K CRDs (src/test/resources/camel-k-crds, from
 * ../shared/schemas/camel-k), made strict: an object schema that lists its properties rejects
 * unknown ones (what {@code kubectl apply --validate=strict} does), so a misspelt trait fails
 * here instead of being pruned silently by the API server. Kamelets also follow the catalog's
 * conventions.
 */
class CamelKManifestsTest {
    private static final Set<String> CAMEL_K_KINDS = Set.of("Integration", "Kamelet", "Pipe");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|apikey|api-key).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    private static final Map<String, JsonSchema> SCHEMAS = new java.util.HashMap<>();
    private static List<Manifest> manifests;

    @BeforeAll
    static void load() throws IOException {
        manifests = Manifests.in("deploy/camel-k");
        ObjectMapper json = new ObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        for (String kind : CAMEL_K_KINDS) {
            try (InputStream in = CamelKManifestsTest.class.getResourceAsStream("/camel-k-crds/" + kind + ".v1.json")) {
                JsonNode schema = json.readTree(in);
                strict(schema);
                SCHEMAS.put(kind, factory.getSchema(schema));
            }
        }
    }

    /** Adds additionalProperties:false wherever an object lists its properties and does not keep unknown fields. */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(e -> {
                if (!e.getKey().equals("example") && !e.getKey().equals("default") && !e.getKey().equals("enum")) {
                    strict(e.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(CamelKManifestsTest::strict);
        }
    }

    static Stream<Manifest> camelK() throws IOException {
        return Manifests.in("deploy/camel-k").stream().filter(m -> CAMEL_K_KINDS.contains(m.kind()));
    }

    static Stream<Manifest> kamelets() throws IOException {
        return camelK().filter(m -> m.kind().equals("Kamelet"));
    }

    @Test
    void theFolderHoldsAnIntegrationKameletsAndAPipe() {
        assertThat(Manifests.ofKind(manifests, "Integration")).hasSize(1);
        assertThat(Manifests.ofKind(manifests, "Kamelet")).extracting(m -> m.doc().at("/metadata/labels").path("camel.apache.org/kamelet.type").asText())
                .contains("action", "source");
        assertThat(Manifests.ofKind(manifests, "Pipe")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("camelK")
    void validatesAgainstItsCrd(Manifest manifest) {
        assertThat(manifest.doc().path("apiVersion").asText()).isEqualTo("camel.apache.org/v1");
        assertThat(manifest.name()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        Set<ValidationMessage> errors = SCHEMAS.get(manifest.kind()).validate(manifest.doc());
        assertThat(errors).as(manifest.toString()).isEmpty();
    }

    @Test
    void aMisspeltTraitIsCaught() throws IOException {
        JsonNode integration = Manifests.ofKind(manifests, "Integration").get(0).doc().deepCopy();
        ((ObjectNode) integration.at("/spec/traits/health")).put("livenessProbePath", "/oops");
        assertThat(SCHEMAS.get("Integration").validate(integration)).isNotEmpty();
    }

    @Test
    void theIntegrationRunsTheImageWithProbesMetricsAndMounts() {
        JsonNode traits = Manifests.ofKind(manifests, "Integration").get(0).doc().at("/spec/traits");
        assertThat(traits.at("/container/image").asText()).isNotBlank();
        assertThat(traits.at("/camel/runtimeVersion").asText()).isEqualTo("4.18.0");
        assertThat(traits.at("/health/livenessProbe").asText()).isEqualTo("/observe/health/live");
        assertThat(traits.at("/health/readinessProbe").asText()).isEqualTo("/observe/health/ready");
        assertThat(traits.at("/health/readinessPort").asInt()).isEqualTo(9876);
        assertThat(traits.at("/prometheus/enabled").asBoolean()).isTrue();
        assertThat(traits.at("/ingress/paths").toString()).contains("/callbacks");
        assertThat(traits.at("/mount/resources").toString())
                .contains("configmap:paybridge-config/application.properties@/etc/paybridge/application.properties")
                .contains("secret:paybridge-credentials/credentials.properties@/etc/paybridge/secrets/credentials.properties");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kamelets")
    void kameletsFollowTheCatalogConventions(Manifest kamelet) {
        JsonNode doc = kamelet.doc();
        assertThat(doc.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText()).isIn("source", "sink", "action");
        assertThat(kamelet.name()).endsWith("-" + doc.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText());
        JsonNode definition = doc.at("/spec/definition");
        assertThat(definition.path("title").asText()).isNotBlank();
        assertThat(definition.path("description").asText()).isNotBlank();
        JsonNode properties = definition.path("properties");
        List<String> problems = new ArrayList<>();
        properties.properties().forEach(e -> {
            String name = e.getKey();
            JsonNode p = e.getValue();
            if (p.path("title").asText().isBlank() || p.path("description").asText().isBlank()) {
                problems.add(name + ": needs a title and a description");
            }
            boolean credential = p.path("x-descriptors").toString().contains(CREDENTIALS);
            if (SECRET_NAME.matcher(name).matches()) {
                if (!credential || !"password".equals(p.path("format").asText())) {
                    problems.add(name + ": a secret needs format: password and x-descriptors " + CREDENTIALS);
                }
            }
        });
        definition.path("required").forEach(r -> {
            if (!properties.has(r.asText())) {
                problems.add("required " + r.asText() + " is not a property");
            }
        });
        Matcher m = PLACEHOLDER.matcher(doc.at("/spec/template").toString());
        while (m.find()) {
            if (!properties.has(m.group(1))) {
                problems.add("template uses {{" + m.group(1) + "}} which is not a property");
            }
        }
        assertThat(problems).as(kamelet.toString()).isEmpty();
    }

    @Test
    void pipesUseOnlyPropertiesTheirPaybridgeKameletsDeclare() {
        Map<String, JsonNode> local = new java.util.HashMap<>();
        Manifests.ofKind(manifests, "Kamelet").forEach(k -> local.put(k.name(), k.doc().at("/spec/definition/properties")));
        List<String> problems = new ArrayList<>();
        for (Manifest pipe : Manifests.ofKind(manifests, "Pipe")) {
            List<JsonNode> endpoints = new ArrayList<>();
            endpoints.add(pipe.doc().at("/spec/source"));
            pipe.doc().at("/spec/steps").forEach(endpoints::add);
            endpoints.add(pipe.doc().at("/spec/sink"));
            endpoints.add(pipe.doc().at("/spec/errorHandler/sink/endpoint"));
            for (JsonNode endpoint : endpoints) {
                String name = endpoint.at("/ref/name").asText();
                if (local.containsKey(name)) {
                    Set<String> declared = new HashSet<>();
                    local.get(name).fieldNames().forEachRemaining(declared::add);
                    endpoint.path("properties").fieldNames().forEachRemaining(p -> {
                        if (!declared.contains(p)) {
                            problems.add(pipe.name() + ": " + name + " has no property " + p);
                        }
                    });
                }
            }
            assertThat(pipe.doc().at("/spec/errorHandler/sink/endpoint/properties/topic").asText()).as("DLQ topic").isNotBlank();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void configurationKeysAreRealPropertiesAndTheSecretHoldsNoValue() throws IOException {
        List<String> known = BundleProperties.keys();
        JsonNode config = Manifests.ofKind(manifests, "ConfigMap").get(0).doc();
        assertThat(Manifests.propertyKeys(config.at("/data/application.properties").asText())).isSubsetOf(known);
        JsonNode secret = Manifests.ofKind(manifests, "Secret").get(0).doc();
        String credentials = secret.at("/stringData/credentials.properties").asText();
        assertThat(Manifests.propertyKeys(credentials)).isSubsetOf(known);
        assertThat(credentials.lines().filter(l -> !l.isBlank()).map(l -> l.substring(l.indexOf('=') + 1).trim()))
                .allMatch("CHANGE-ME"::equals);
    }
}
