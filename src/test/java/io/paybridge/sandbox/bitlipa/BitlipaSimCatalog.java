package io.paybridge.sandbox.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gateway enforces per country and provider: the limits, provider ids and required
 * {@code extra} fields of bitlipa.txt, read from the bundle's catalog data file (itself checked
 * against the document by {@code BitlipaCatalogTest}) with a plain tree, not the connector's code.
 */
final class BitlipaSimCatalog {
    /** One provider id of one country. */
    record Provider(String country, String currency, int id, String name, boolean bank, String c2bFlow, List<String> c2bExtra,
                    List<String> b2cExtra, BigDecimal c2bMin, BigDecimal b2cMin, BigDecimal max) {
    }

    private final List<Provider> providers = new ArrayList<>();
    private final int testProvider;

    BitlipaSimCatalog(ObjectMapper json) {
        JsonNode root;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("providers/bitlipa-catalog.json")) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        testProvider = root.path("test_provider").path("id").asInt();
        root.path("countries").fields().forEachRemaining(country -> {
            JsonNode c = country.getValue();
            JsonNode limits = c.path("limits");
            for (JsonNode op : c.path("operators")) {
                for (JsonNode id : op.path("ids")) {
                    providers.add(new Provider(country.getKey(), c.path("currency").asText(), id.asInt(), op.path("name").asText(),
                            op.path("bank").asBoolean(), op.path("c2b").path("flow").asText("approve-on-phone"),
                            strings(op.path("c2b").path("extra")), strings(op.path("b2c").path("extra")),
                            new BigDecimal(limits.path("c2b_min").asText()), new BigDecimal(limits.path("b2c_min").asText()),
                            limits.path("max").isNull() ? null : new BigDecimal(limits.path("max").asText())));
                }
            }
        });
    }

    Provider find(int id) {
        return providers.stream().filter(p -> p.id() == id).findFirst().orElse(null);
    }

    boolean isTestProvider(int id) {
        return id == testProvider;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
