package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml is the document the bundle serves, and it describes every HTTP path the
 * routes open (rest DSL and platform-http consumers). Paths are compared as OpenAPI does: the
 * names of path parameters do not matter, only where they are.
 */
class OpenApiDocumentTest extends FlowTestSupport {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> VERBS = List.of("get", "post", "put", "delete", "patch", "head");

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of());
    }

    @Test
    void theServedDocumentIsTheCheckedInOne() throws Exception {
        HttpResponse<String> served = get("/openapi.yaml");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
        assertThat(served.body()).isEqualTo(Files.readString(Path.of("docs/openapi.yaml")));
    }

    @Test
    void everyHttpPathOfTheRoutesIsDocumented() throws Exception {
        JsonNode doc = YAML.readTree(Path.of("docs/openapi.yaml").toFile());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fieldNames().forEachRemaining(p -> documented.add(template(p)));
        Set<String> routed = routedPaths();
        assertThat(routed).contains("/payments", "/payments/{}", "/callbacks/{}", "/admin/providers/{}/{}", "/openapi.yaml");
        assertThat(documented).containsAll(routed);
    }

    @Test
    void theBatchDoorsAreDocumentedForTheCsvIntake() throws Exception {
        JsonNode paths = YAML.readTree(Path.of("docs/openapi.yaml").toFile()).path("paths");
        assertThat(paths.has("/batches")).isTrue();
        assertThat(paths.has("/batches/{id}")).isTrue();
    }

    static Set<String> routedPaths() throws Exception {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).collect(Collectors.toList())) {
                for (JsonNode item : YAML.readTree(file.toFile())) {
                    JsonNode rest = item.path("rest");
                    for (String verb : VERBS) {
                        for (JsonNode op : rest.path(verb)) {
                            paths.add(template(rest.path("path").asText("") + op.path("path").asText("")));
                        }
                    }
                    String uri = item.path("route").path("from").path("uri").asText("");
                    if (uri.startsWith("platform-http:")) {
                        paths.add(template(uri.substring("platform-http:".length()).split("\\?")[0]));
                    }
                }
            }
        }
        return paths;
    }

    static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
