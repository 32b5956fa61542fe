package io.paybridge.sandbox.kipay;

import static io.paybridge.sandbox.kipay.KipayJson.number;
import static io.paybridge.sandbox.kipay.KipayJson.require;
import static io.paybridge.sandbox.kipay.KipayJson.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** transactions/initialize, verify and list; mpesa/stk-push, stk-status, register-c2b-urls and simulate-c2b. */
final class KipayPaymentEndpoints {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final KipaySimulator.Settings settings;
    private final KipayState state;
    private final KipaySettler settler;
    private final KipayAccountEndpoints accounts;
    private final String baseUrl;

    KipayPaymentEndpoints(KipaySimulator.Settings settings, KipayState state, KipaySettler settler, KipayAccountEndpoints accounts,
                          String baseUrl) {
        this.settings = settings;
        this.state = state;
        this.settler = settler;
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    Map<String, Object> initialize(ObjectNode params, String unused) {
        require(params, "amount", "email", "payment_channel_id");
        BigDecimal amount = number(params, "amount");
        if (amount == null || amount.signum() <= 0) {
            throw new KipayError(400, "Invalid amount");
        }
        String email = text(params, "email");
        if (!KipayAccountEndpoints.validEmail(email)) {
            throw new KipayError(400, "Invalid email address");
        }
        channel(params, settings.checkoutChannelId());
        accounts.findOrCreate(email, text(params, "first_name"), text(params, "last_name"), text(params, "phone"));
        String reference = "KIPAY" + Instant.now().getEpochSecond() + KipayJson.digits(6);
        var t = new KipayTransaction(state.nextId(), KipayTransaction.Kind.CHECKOUT, reference, null, amount, text(params, "phone"),
                email, null, "pending", Instant.now());
        state.add(t);
        state.countCreate(email);
        settler.schedule(t);
        Map<String, Object> body = success("Success");
        body.put("transaction", t.view());
        body.put("authorization_url", baseUrl + "/payment/checkout/" + reference);
        body.put("access_code", "AC_" + KipayJson.digits(10));
        body.put("reference", reference);
        return body;
    }

    /** As Kipay's own code answers: the transaction's status is merged over the envelope's "success". */
    Map<String, Object> verify(ObjectNode params, String reference) {
        KipayTransaction t = state.find(reference);
        if (t == null || t.kind != KipayTransaction.Kind.CHECKOUT) {
            throw new KipayError(404, "Transaction not found or verification failed");
        }
        Map<String, Object> body = success("Success");
        body.put("transaction", t.view());
        body.put("status", t.status());
        return body;
    }

    Map<String, Object> list(ObjectNode params, String unused) {
        int page = positive(params, "page", 1);
        int limit = positive(params, "limit", 20);
        String status = text(params, "status");
        LocalDate from = date(params, "date_from");
        LocalDate to = date(params, "date_to");
        List<KipayTransaction> matching = state.newestFirst().stream()
                .filter(t -> status == null || status.equals(t.status()))
                .filter(t -> from == null || !t.createdAt.atZone(ZoneOffset.UTC).toLocalDate().isBefore(from))
                .filter(t -> to == null || !t.createdAt.atZone(ZoneOffset.UTC).toLocalDate().isAfter(to)).toList();
        return KipayAccountEndpoints.page(matching.stream().map(KipayTransaction::view).toList(), page, limit);
    }

    Map<String, Object> stkPush(ObjectNode params, String unused) {
        require(params, "amount", "phone_number", "payment_channel_id");
        BigDecimal amount = number(params, "amount");
        if (amount == null || amount.compareTo(BigDecimal.ONE) < 0 || amount.stripTrailingZeros().scale() > 0) {
            throw new KipayError(400, "Invalid amount");
        }
        String phone = phone(params);
        channel(params, settings.mpesaChannelId());
        String merchantReference = text(params, "reference");
        String reference = "MPESA" + KipayJson.digits(10);
        String checkout = "ws_CO_" + STAMP.format(Instant.now()) + KipayJson.digits(8);
        var t = new KipayTransaction(state.nextId(), KipayTransaction.Kind.STK, reference, merchantReference, amount, phone, null,
                checkout, "pending", Instant.now());
        state.add(t);
        state.countCreate(merchantReference);
        settler.schedule(t);
        Map<String, Object> body = success("STK Push initiated");
        body.put("transaction", t.view());
        return body;
    }

    Map<String, Object> stkStatus(ObjectNode params, String reference) {
        KipayTransaction t = state.find(reference);
        if (t == null || t.kind != KipayTransaction.Kind.STK) {
            throw new KipayError(404, "Transaction not found");
        }
        Map<String, Object> body = success("Success");
        body.put("transaction", t.view());
        return body;
    }

    Map<String, Object> registerC2bUrls(ObjectNode params, String unused) {
        require(params, "payment_channel_id", "confirmation_url", "validation_url");
        channel(params, settings.mpesaChannelId());
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("confirmation", text(params, "confirmation_url"));
        urls.put("validation", text(params, "validation_url"));
        state.c2bUrls(urls);
        Map<String, Object> body = success("C2B URLs registered successfully");
        body.put("urls", urls);
        return body;
    }

    /** Sandbox only; Kipay asks that C2B URLs be registered first (kipay.txt's M-Pesa notes). */
    Map<String, Object> simulateC2b(ObjectNode params, String unused) {
        require(params, "payment_channel_id", "amount", "phone_number", "reference");
        channel(params, settings.mpesaChannelId());
        if (state.c2bUrls() == null) {
            throw new KipayError(400, "Register C2B URLs before simulating C2B transactions");
        }
        BigDecimal amount = number(params, "amount");
        if (amount == null || amount.signum() <= 0) {
            throw new KipayError(400, "Invalid amount");
        }
        String phone = phone(params);
        String reference = text(params, "reference");
        state.add(new KipayTransaction(state.nextId(), KipayTransaction.Kind.C2B, reference, reference, amount, phone, null, null,
                "completed", Instant.now()));
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("amount", amount);
        transaction.put("phone_number", phone);
        transaction.put("reference", reference);
        transaction.put("status", "completed");
        Map<String, Object> body = success("C2B transaction simulated");
        body.put("transaction", transaction);
        return body;
    }

    private void channel(ObjectNode params, long expected) {
        BigDecimal given = number(params, "payment_channel_id");
        if (given == null || given.longValue() != expected) {
            throw new KipayError(400, "Invalid payment channel");
        }
    }

    /** kipay.txt: "Ensure phone numbers are in the format 254XXXXXXXXX". */
    private static String phone(ObjectNode params) {
        String phone = text(params, "phone_number");
        if (phone == null || !phone.matches("254[17]\\d{8}")) {
            throw new KipayError(400, "Invalid phone number. Use the format 254XXXXXXXXX");
        }
        return phone;
    }

    static Map<String, Object> success(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", message);
        return body;
    }

    static int positive(ObjectNode params, String name, int fallback) {
        BigDecimal value = number(params, name);
        if (params.get(name) == null) {
            return fallback;
        }
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
            throw new KipayError(400, name + " must be a positive integer");
        }
        return value.intValue();
    }

    private static LocalDate date(ObjectNode params, String name) {
        String value = text(params, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw new KipayError(400, name + " must be YYYY-MM-DD");
        }
    }
}
