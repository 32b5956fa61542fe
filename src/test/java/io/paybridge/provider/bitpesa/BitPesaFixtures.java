package io.paybridge.provider.bitpesa;

import io.paybridge.provider.ProviderResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads {@code fixtures/bitpesa/<name>} from the test classpath. */
final class BitPesaFixtures {
    private BitPesaFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = BitPesaFixtures.class.getResourceAsStream("/fixtures/bitpesa/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProviderResponse answer(int status, String name) {
        return new ProviderResponse(status, bytes(name));
    }
}
