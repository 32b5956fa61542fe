package io.paybridge.provider.bitnovapay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/transactions} and its filters (bitnovapay.txt): {@code status} (pending,
 * completed, failed), {@code module} (A = Direct Pay, B = Smart Gateway), {@code method} (mpesa,
 * card, crypto), {@code page} (from 1) and {@code per_page} (at most 100). Used by operators and
 * by reconciliation to find a payment whose reference never reached us: BitnovaPay takes no
 * merchant reference, so the bundle writes the payment id into {@code description}
 * ({@link #describe}) and looks for it here.
 */
public record BitnovaPayTransactions(String status, String module, String method, Integer page, Integer perPage) {
    static final int MAX_PER_PAGE = 100;
    private static final Set<String> STATUSES = Set.of("pending", "completed", "failed");
    private static final Set<String> MODULES = Set.of("A", "B");
    private static final Set<String> METHODS = Set.of("mpesa", "card", "crypto");
    private static final Set<String> NAMES = Set.of("status", "module", "method", "page", "per_page");
    /** Direct Pay shows the description on the M-Pesa prompt and allows 20 characters. */
    static final int DIRECT_PAY_DESCRIPTION_MAX = 20;

    public BitnovaPayTransactions {
        require(status == null || STATUSES.contains(status), "status must be pending, completed or failed");
        require(module == null || MODULES.contains(module), "module must be A (Direct Pay) or B (Smart Gateway)");
        require(method == null || METHODS.contains(method), "method must be mpesa, card or crypto");
        require(page == null || page >= 1, "page starts at 1");
        require(perPage == null || perPage >= 1 && perPage <= MAX_PER_PAGE, "per_page must be 1–100");
    }

    /** The newest page, as large as BitnovaPay allows, unfiltered: where a just-lost payment is. */
    static BitnovaPayTransactions newest() {
        return new BitnovaPayTransactions(null, null, null, 1, MAX_PER_PAGE);
    }

    /** From an operator's query parameters; an unknown parameter or value is refused by name. */
    public static BitnovaPayTransactions from(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            require(NAMES.contains(name), "unknown parameter '" + name + "'; use status, module, method, page, per_page");
        }
        return new BitnovaPayTransactions(parameters.get("status"), parameters.get("module"), parameters.get("method"),
                integer(parameters, "page"), integer(parameters, "per_page"));
    }

    /** The query string, in the document's parameter order. */
    String query() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("status", status);
        q.put("module", module);
        q.put("method", method);
        q.put("page", page);
        q.put("per_page", perPage);
        StringBuilder out = new StringBuilder();
        q.forEach((k, v) -> {
            if (v != null) {
                out.append(out.isEmpty() ? "?" : "&").append(k).append('=').append(v);
            }
        });
        return out.toString();
    }

    /** Smart Gateway: {@code "<description> [<id>]"} or just the id. */
    static String describe(String paymentId, String description) {
        return description == null || description.isBlank() ? paymentId : description + " [" + paymentId + "]";
    }

    /** Direct Pay: the id when it fits in 20 characters, else the command's description cut to 20 (then no listing can find it). */
    static String describeDirectPay(String paymentId, String description) {
        if (paymentId.length() <= DIRECT_PAY_DESCRIPTION_MAX) {
            return paymentId;
        }
        if (description == null || description.isBlank()) {
            return null;
        }
        return description.length() <= DIRECT_PAY_DESCRIPTION_MAX ? description : description.substring(0, DIRECT_PAY_DESCRIPTION_MAX);
    }

    /** Rows this bundle sent for {@code paymentId}, by the description {@link #describe} wrote. */
    static List<BitnovaPayMessages.Payment> sentFor(String paymentId, List<BitnovaPayMessages.Payment> rows) {
        return rows.stream().filter(r -> r.description() != null
                && (r.description().equals(paymentId) || r.description().endsWith("[" + paymentId + "]"))).toList();
    }

    private static Integer integer(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("BitnovaPay transactions: " + message);
        }
    }
}
