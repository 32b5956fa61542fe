package io.paybridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.deploy.Manifests.Manifest;
import io.paybridge.testing.BundleProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes, checked structurally (there is no API server here): every document is a
 * named resource; the Deployment probes the bundle's real health paths on the management port,
 * limits its resources, runs non-root on a read-only root with writable /tmp; the Service selects
 * it; the configuration names only real properties; the Secret is a template without values.
 */
class KubernetesManifestsTest {
    private static List<Manifest> manifests;
    private static JsonNode deployment;

    @BeforeAll
    static void load() throws IOException {
        manifests = Manifests.in("deploy/kubernetes");
        deployment = Manifests.ofKind(manifests, "Deployment").get(0).doc();
    }

    @Test
    void everyDocumentIsANamedResource() {
        assertThat(manifests).extracting(Manifest::kind).contains("Deployment", "Service", "ConfigMap", "Secret", "Ingress");
        for (Manifest m : manifests) {
            assertThat(m.doc().path("apiVersion").asText()).as(m.toString()).isNotBlank();
            assertThat(m.name()).as(m.toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    @Test
    void theDeploymentProbesLimitsAndRunsLocked() {
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/image").asText()).isNotBlank();
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/observe/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/observe/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(ports(container)).contains("http=8080", "management=9876");
        for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/cpu", "/resources/limits/memory")) {
            assertThat(container.at(r).asText()).as(r).isNotBlank();
        }
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/volumeMounts").findValuesAsText("mountPath")).contains("/tmp", "/etc/paybridge/application.properties");
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
        JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo("9876");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/observe/metrics");
    }

    @Test
    void theServiceSelectsTheDeploymentAndItsNamedPorts() {
        JsonNode service = Manifests.ofKind(manifests, "Service").get(0).doc();
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        service.at("/spec/selector").properties().forEach(e -> assertThat(labels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        List<String> containerPorts = ports(deployment.at("/spec/template/spec/containers/0"));
        service.at("/spec/ports").forEach(p -> assertThat(containerPorts).anyMatch(c -> c.startsWith(p.path("targetPort").asText() + "=")));
    }

    @Test
    void configurationNamesRealPropertiesAndTheSecretIsOnlyATemplate() throws IOException {
        List<String> known = BundleProperties.keys();
        String properties = Manifests.ofKind(manifests, "ConfigMap").get(0).doc().at("/data/application.properties").asText();
        assertThat(Manifests.propertyKeys(properties)).isSubsetOf(known);
        JsonNode secret = Manifests.ofKind(manifests, "Secret").get(0).doc();
        assertThat(secret.has("data")).isFalse();
        secret.at("/stringData").properties().forEach(e -> assertThat(e.getValue().asText()).as(e.getKey()).isEqualTo("CHANGE-ME"));
        String applicationProperties = Files.readString(Path.of("application.properties"));
        secret.at("/stringData").fieldNames().forEachRemaining(k -> assertThat(applicationProperties).contains("{{env:" + k + ":"));
    }

    private static List<String> ports(JsonNode container) {
        List<String> ports = new ArrayList<>();
        container.path("ports").forEach(p -> ports.add(p.path("name").asText() + "=" + p.path("containerPort").asText()));
        return ports;
    }
}
