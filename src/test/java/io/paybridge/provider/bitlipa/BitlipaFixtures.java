package io.paybridge.provider.bitlipa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads {@code fixtures/bitlipa/<name>} from the test classpath. */
final class BitlipaFixtures {
    private BitlipaFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = BitlipaFixtures.class.getResourceAsStream("/fixtures/bitlipa/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
