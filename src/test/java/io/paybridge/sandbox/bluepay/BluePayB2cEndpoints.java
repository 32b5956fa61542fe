package io.paybridge.sandbox.bluepay;

import static io.paybridge.sandbox.bluepay.BluePayJson.present;
import static io.paybridge.sandbox.bluepay.BluePayJson.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** B2C payouts, payout_status and wallet balance. */
final class BluePayB2cEndpoints {

    static final long MIN_AMOUNT = 10;
    static final long MAX_AMOUNT = 1_000_000;
    private static final int MAX_REFERENCE = 64;
    private static final String VALIDATION = "B2C_VALIDATION_FAILED";

    private final BluePayState state;
    private final BluePaySettler settler;

    BluePayB2cEndpoints(BluePayState state, BluePaySettler settler) {
        this.state = state;
        this.settler = settler;
    }

    /**
     * Fee bands (Pricing page, as summarised in the brief): flat 15 up to and including KES
     * 1,000, flat 25 below 250,000, and 2% from 250,000 upward (250,000 itself pays 2%).
     * The document's examples show amount 500 with fee 25.00, which contradicts these bands;
     * the explicit bands are followed, so a 500 payout costs 15.00 here.
     */
    static BigDecimal fee(long amount) {
        if (amount <= 1_000) {
            return BluePayState.kes(BigDecimal.valueOf(15));
        }
        if (amount < 250_000) {
            return BluePayState.kes(BigDecimal.valueOf(25));
        }
        return BigDecimal.valueOf(amount).multiply(new BigDecimal("0.02")).setScale(2, RoundingMode.HALF_UP);
    }

    Map<String, Object> payout(ObjectNode params) {
        String reference = text(params, "reference");
        if (reference != null) {
            state.recordReference(reference);
        }
        if (!present(params, "amount")) {
            throw BluePayError.b2c(422, "amount is required", VALIDATION);
        }
        Long amount = BluePayJson.wholeKes(params.get("amount"), MIN_AMOUNT, MAX_AMOUNT);
        if (amount == null) {
            // M-Pesa B2C moves whole shillings only, so a fraction is refused like an out-of-range amount.
            throw BluePayError.b2c(422, "amount must be a whole number of KES between 10 and 1000000", VALIDATION);
        }
        if (reference == null) {
            throw BluePayError.b2c(422, "reference is required", VALIDATION);
        }
        if (reference.length() > MAX_REFERENCE) {
            throw BluePayError.b2c(422, "reference must be at most 64 characters", VALIDATION);
        }
        String callbackUrl = text(params, "callbackUrl", "callback_url");
        if (callbackUrl != null && !BluePayJson.isHttpUrl(callbackUrl)) {
            throw BluePayError.b2c(422, "callbackUrl must be an absolute http(s) URL", VALIDATION);
        }
        String phone = BluePayPhone.normalise(text(params, "phone", "phone_number")).orElseThrow(() ->
                BluePayError.b2c(422, "phone is not a valid Kenyan MSISDN", "INVALID_PHONE"));
        BigDecimal fee = fee(amount);

        BluePayPayout payout;
        synchronized (state) {
            BluePayPayout previous = state.payoutByReference(reference);
            // Checked before balances: a blind retry of an accepted payout must learn it was accepted.
            if (previous != null && previous.status() != BluePayPayout.Status.FAILED) {
                throw BluePayError.b2c(409, "Reference already in use", "REFERENCE_IN_USE");
            }
            BigDecimal tokens = state.serviceTokens();
            if (tokens.compareTo(fee) < 0) {
                throw BluePayError.b2c(402, "Insufficient service tokens", "INSUFFICIENT_PREPAID")
                        .with("required_kes", fee)
                        .with("balance_kes", tokens)
                        .with("transaction_fee_kes", fee);
            }
            BigDecimal wallet = state.b2cBalance();
            if (wallet.compareTo(BigDecimal.valueOf(amount)) < 0) {
                throw BluePayError.b2c(409, "Insufficient B2C wallet balance", "INSUFFICIENT_B2C_BALANCE")
                        .with("required_kes", amount)
                        .with("balance_kes", wallet);
            }
            payout = new BluePayPayout(UUID.randomUUID().toString(), amount, phone, reference,
                    text(params, "description"), fee, callbackUrl, BluePayJson.nairobiOffsetNow());
            state.addPayout(payout);
        }
        settler.schedule(payout);

        Map<String, Object> body = okBody();
        body.put("message", "Payout initiated");
        body.put("transaction_fee", fee);
        body.put("data", Map.of("payout", payout.view()));
        return body;
    }

    Map<String, Object> payoutStatus(ObjectNode params) {
        String payoutId = text(params, "payout_id");
        if (payoutId == null) {
            throw BluePayError.b2c(422, "payout_id is required", VALIDATION);
        }
        BluePayPayout payout = state.payoutById(payoutId);
        if (payout == null) {
            throw BluePayError.of(404, "Payout not found");
        }
        Map<String, Object> body = okBody();
        body.put("data", Map.of("payout", payout.view()));
        return body;
    }

    Map<String, Object> balance(ObjectNode params) {
        Map<String, Object> body = okBody();
        body.put("b2c_wallet", Map.of("balance_kes", state.b2cBalance()));
        body.put("service_wallet", Map.of("balance_kes", state.serviceTokens()));
        return body;
    }

    private static Map<String, Object> okBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("success", true);
        return body;
    }
}
