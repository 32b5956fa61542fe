package io.paybridge.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The keys of the bundle's application.properties, read as Java reads them (continued lines included). */
public final class BundleProperties {
    private BundleProperties() {
    }

    public static List<String> keys() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames().stream().sorted().toList();
    }
}
