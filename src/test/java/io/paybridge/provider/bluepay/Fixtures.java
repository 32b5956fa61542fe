package io.paybridge.provider.bluepay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads provider JSON copied from the documents, under {@code fixtures/<provider>/<case>.json}. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String provider, String name) {
        String path = "/fixtures/" + provider + "/" + name + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
