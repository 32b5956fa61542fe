package io.paybridge.sandbox.bitlipa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The gateway's answer shapes (bitlipa.txt's examples), field order included. */
final class BitlipaAnswers {
    static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private BitlipaAnswers() {
    }

    /** HTTP 200 with a refusal: {@code result.code != 0} and {@code status -1}. */
    static ObjectNode refusal(String orderId, int code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("order_id", orderId);
        body.put("transaction_id", "");
        body.put("transaction_ref", "");
        body.put("status", -1);
        result(body, code, message);
        service(body);
        body.put("confirm_type", 0);
        return body;
    }

    static ObjectNode order(BitlipaOrder order, String redirectUrl) {
        ObjectNode body = JSON.createObjectNode();
        body.put("order_id", order.orderId);
        body.put("transaction_id", order.bankDetailsFlow() ? "" : order.transactionId); // bank transfers: no callback follows
        body.put("transaction_ref", order.status == 2 ? "MP." + order.transactionId : "");
        body.put("status", order.status);
        result(body, 0, "OK");
        ObjectNode provider = body.putObject("provider_result");
        provider.put("code", -8888);
        provider.put("message", "");
        service(body);
        if (order.bankDetailsFlow()) {
            ObjectNode extra = body.putObject("extra");
            extra.put("transfer_amount", order.amount);
            extra.put("account_number", "40" + order.transactionId.substring(order.transactionId.length() - 8));
            extra.put("bank_name", "Premium Trust Bank");
        } else if (redirectUrl != null && order.status == 1) {
            body.putObject("extra").put("customer_redirect", redirectUrl);
        }
        body.put("confirm_type", 0);
        return body;
    }

    static void result(ObjectNode body, int code, String message) {
        ObjectNode result = body.putObject("result");
        result.put("code", code);
        result.put("message", message);
    }

    private static void service(ObjectNode body) {
        body.put("service_id", 1);
        body.put("service_version", "1.03/1.14|1.0/1.26|1.0/1.0|1.01/1.01|1.01/1.01||1.01/1.27");
        body.put("service_date_time", LocalDateTime.now().format(STAMP));
    }
}
