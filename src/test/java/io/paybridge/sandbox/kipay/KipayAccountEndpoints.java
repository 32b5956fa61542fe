package io.paybridge.sandbox.kipay;

import static io.paybridge.sandbox.kipay.KipayJson.require;
import static io.paybridge.sandbox.kipay.KipayJson.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** customers/create and list; payment-channels/create and list. */
final class KipayAccountEndpoints {
    private final KipayState state;

    KipayAccountEndpoints(KipayState state) {
        this.state = state;
    }

    /** Email is required (Kipay's validator); a second customer with the same email is accepted, as Kipay does. */
    Map<String, Object> createCustomer(ObjectNode params, String unused) {
        require(params, "email");
        String email = text(params, "email");
        if (!validEmail(email)) {
            throw new KipayError(400, "Invalid email address");
        }
        KipayState.Customer customer = create(email, text(params, "first_name"), text(params, "last_name"), text(params, "phone"));
        state.countCreate("customer:" + email.toLowerCase(Locale.ROOT));
        Map<String, Object> body = KipayPaymentEndpoints.success("Customer created successfully");
        body.put("customer", view(customer));
        return body;
    }

    Map<String, Object> customers(ObjectNode params, String unused) {
        int page = KipayPaymentEndpoints.positive(params, "page", 1);
        int limit = KipayPaymentEndpoints.positive(params, "limit", 20);
        String search = text(params, "search");
        String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> rows = state.customers().stream().filter(c -> needle == null
                || contains(c.email(), needle) || contains(c.firstName(), needle) || contains(c.lastName(), needle)
                || contains(c.phone(), needle)).map(KipayAccountEndpoints::view).toList();
        return page(rows, page, limit);
    }

    Map<String, Object> createChannel(ObjectNode params, String unused) {
        require(params, "name", "provider");
        var channel = new KipayState.Channel(state.nextId(), text(params, "name"), text(params, "provider"), true);
        state.addChannel(channel);
        Map<String, Object> body = KipayPaymentEndpoints.success("Payment channel created successfully");
        body.put("channel", view(channel));
        return body;
    }

    Map<String, Object> channels(ObjectNode params, String unused) {
        Map<String, Object> body = KipayPaymentEndpoints.success("Success");
        body.put("channels", state.channels().stream().map(KipayAccountEndpoints::view).toList());
        return body;
    }

    /** What transactions/initialize does with its email (Kipay's own code): reuse, else create. */
    void findOrCreate(String email, String firstName, String lastName, String phone) {
        boolean known = state.customers().stream().anyMatch(c -> c.email().equalsIgnoreCase(email));
        if (!known) {
            create(email, firstName, lastName, phone);
        }
    }

    private KipayState.Customer create(String email, String firstName, String lastName, String phone) {
        var customer = new KipayState.Customer(state.nextId(), email, firstName, lastName, phone, Instant.now().toString());
        state.addCustomer(customer);
        return customer;
    }

    static boolean validEmail(String email) {
        return email != null && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    static Map<String, Object> page(List<Map<String, Object>> rows, int page, int limit) {
        int from = Math.min((page - 1) * limit, rows.size());
        Map<String, Object> body = KipayPaymentEndpoints.success("Success");
        body.put("data", rows.subList(from, Math.min(from + limit, rows.size())));
        body.put("total", rows.size());
        body.put("page", page);
        body.put("limit", limit);
        body.put("pages", (rows.size() + limit - 1) / limit);
        return body;
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Map<String, Object> view(KipayState.Customer c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id());
        row.put("email", c.email());
        row.put("first_name", c.firstName());
        row.put("last_name", c.lastName());
        row.put("phone", c.phone());
        row.put("created_at", c.createdAt());
        return row;
    }

    private static Map<String, Object> view(KipayState.Channel c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id());
        row.put("name", c.name());
        row.put("provider", c.provider());
        row.put("is_active", c.active());
        row.put("is_default", c.id() == 1);
        return row;
    }
}
