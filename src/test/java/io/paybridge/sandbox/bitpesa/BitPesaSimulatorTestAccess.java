package io.paybridge.sandbox.bitpesa;

import java.nio.charset.StandardCharsets;

/** Lets route tests forge or sign a webhook exactly as the simulator would. */
public final class BitPesaSimulatorTestAccess {
    private BitPesaSimulatorTestAccess() {
    }

    public static String sign(String secret, String nonce, String url, String body) {
        return BitPesaSimCrypto.signature(secret, nonce, "POST", url, body.getBytes(StandardCharsets.UTF_8));
    }
}
