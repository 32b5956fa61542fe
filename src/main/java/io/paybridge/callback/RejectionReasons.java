package io.paybridge.callback;

import java.util.Locale;

/**
 * Turns a verifier's readable failure into a bounded metric label, so that
 * {@code paybridge_callbacks_total{result="rejected"}} tells a wrong secret ({@code bad_signature})
 * from a replay ({@code stale}), a probe without signature ({@code missing_signature}) or a
 * configuration gap ({@code not_configured}). The verifiers keep their free text for the answer
 * and the log; the order of the checks below matters (most specific first).
 */
public final class RejectionReasons {
    private RejectionReasons() {
    }

    public static String classify(String failure) {
        String f = failure == null ? "" : failure.toLowerCase(Locale.ROOT);
        if (f.contains("replay window") || f.contains("replayed")) {
            return "stale";
        }
        if (f.contains("timestamp")) {
            return "missing_timestamp";
        }
        if (f.contains("not configured") || f.contains("secret known")) {
            return "not_configured";
        }
        if (f.contains("not this merchant")) {
            return "wrong_key";
        }
        if (f.contains("not json") || f.contains("not a json")) {
            return "not_json";
        }
        if (f.startsWith("malformed")) {
            return "malformed_signature";
        }
        if (f.startsWith("missing")) {
            return "missing_signature";
        }
        if (f.contains("mismatch")) {
            return "bad_signature";
        }
        return "other";
    }
}
