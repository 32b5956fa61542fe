package io.paybridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in routes/ validates against the YAML DSL schema that ships inside camel-yaml-dsl. */
class RouteFilesSchemaTest {
    static JsonSchema schema;
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @BeforeAll
    static void loadSchemaOnce() {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(SchemaLocation.of("classpath:schema/camelYamlDsl.json"));
    }

    static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void validatesAgainstTheYamlDslSchema(Path file) throws IOException {
        JsonNode routes = YAML.readTree(file.toFile());
        Set<ValidationMessage> problems = schema.validate(routes);
        assertThat(problems).as("schema problems in %s", file).isEmpty();
    }
}
