package io.paybridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.testing.BundleProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Docs are part of the feature: every paybridge property in application.properties is in the README's table. */
class ConfigurationDocsTest {
    private static final Pattern SECRET_LITERAL = Pattern.compile("(?i)(secret|password|api-key|token)\\s*=\\s*[^{\\s]");

    @Test
    void everyPropertyIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> undocumented = properties().stream()
                .filter(key -> key.startsWith("paybridge."))
                .filter(key -> !readme.contains("`" + key + "`"))
                .toList();
        assertThat(undocumented).as("properties missing from the README's configuration table").isEmpty();
    }

    @Test
    void noSecretIsWrittenInTheFile() throws IOException {
        List<String> literal = Files.readAllLines(Path.of("application.properties")).stream()
                .filter(line -> !line.startsWith("#"))
                .filter(line -> SECRET_LITERAL.matcher(line).find())
                .toList();
        assertThat(literal).as("secrets must come from {{env:...}}").isEmpty();
    }

    private static List<String> properties() throws IOException {
        return BundleProperties.keys();
    }
}
