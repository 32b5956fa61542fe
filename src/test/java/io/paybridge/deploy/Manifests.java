package io.paybridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Reads the YAML manifests under deploy/ (several documents per file allowed). */
final class Manifests {
    static final YAMLMapper YAML = new YAMLMapper();

    record Manifest(Path file, JsonNode doc) {
        String kind() {
            return doc.path("kind").asText();
        }

        String name() {
            return doc.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file.getFileName() + " (" + kind() + " " + name() + ")";
        }
    }

    private Manifests() {
    }

    static List<Manifest> in(String folder) throws IOException {
        List<Manifest> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                            all.add(new Manifest(file, doc));
                        }
                    }
                }
            }
        }
        return all;
    }

    static List<Manifest> ofKind(List<Manifest> all, String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    /** The keys of a properties text (a ConfigMap's or Secret's application.properties). */
    static List<String> propertyKeys(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p.stringPropertyNames().stream().sorted().toList();
    }
}
