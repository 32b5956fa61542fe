package io.paybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every verifier's failure text maps to a bounded metric label. */
class RejectionReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "missing X-BluePay-Signature|missing_signature",
        "missing X-Kipay-Signature (unsigned Kipay callbacks are refused)|missing_signature",
        "missing signature field|missing_signature",
        "missing Authorization-Nonce|missing_signature",
        "malformed X-BitnovaPay-Signature (expected sha256=<64 hex>)|malformed_signature",
        "signature mismatch|bad_signature",
        "timestamp 3600 s from now, outside the 300 s replay window|stale",
        "missing timestamp|missing_timestamp",
        "signed body is not JSON|not_json",
        "callback body is not a JSON object|not_json",
        "Authorization-Key is not this merchant's key|wrong_key",
        "no BitnovaPay webhook secret known yet (registration pending or failed)|not_configured",
        "paybridge.bitpesa.callback-public-url is not configured; webhooks cannot be verified|not_configured",
        "something new|other"})
    void classifiesEachVerifierFailure(String failure, String reason) {
        assertThat(RejectionReasons.classify(failure)).isEqualTo(reason);
        assertThat(CallbackReply.rejected(failure).status()).isEqualTo(401);
        assertThat(CallbackReply.rejected(failure).reason()).isEqualTo(reason);
    }
}
