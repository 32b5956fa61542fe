package io.paybridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * application.properties names every route file instead of a wildcard (a wildcard makes Camel
 * search the classpath at each start): a file added to routes/ but not to the list would never run.
 */
class RouteListTest {
    private static final String PREFIX = "classpath:routes/";

    @Test
    void theConfiguredRouteFilesAreExactlyTheFilesInRoutes() throws IOException {
        Properties app = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("application.properties"))) {
            app.load(in);
        }
        List<String> configured = Arrays.stream(app.getProperty("camel.main.routes-include-pattern").split(","))
                .map(String::trim).toList();
        assertThat(configured).allSatisfy(entry -> assertThat(entry).startsWith(PREFIX).doesNotContain("*"));
        assertThat(configured).doesNotHaveDuplicates();

        List<String> files;
        try (Stream<Path> listing = Files.list(Path.of("routes"))) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")).toList();
        }
        assertThat(configured.stream().map(entry -> entry.substring(PREFIX.length())).toList())
                .containsExactlyInAnyOrderElementsOf(files);
    }
}
