package io.paybridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /payments and GET /payments/{id} over real HTTP. */
class RestIntakeFlowTest extends FlowTestSupport {

    @BeforeAll
    static void start() throws Exception {
        startWorld(Map.of());
    }

    @Test
    void acceptsAPaymentAnd202sWithItsState() throws Exception {
        HttpResponse<String> answer = post("/payments", command("r-ok", "PAYOUT", "1500", "+254712345678"), Map.of());
        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("id").asText()).isEqualTo("r-ok");
        assertThat(body.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(body.path("provider").asText()).isEqualTo("bluepay");
        awaitStatus("r-ok", "SUCCEEDED");
        JsonNode later = JSON.readTree(get("/payments/r-ok").body());
        assertThat(later.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(later.path("providerReference").asText()).isNotBlank();
        assertThat(later.path("fee").asText()).isEqualTo("25"); // BluePay fee band above KES 1,000
    }

    @Test
    void theSameIdAgainIsTheSamePaymentAndNoSecondCall() throws Exception {
        String body = command("r-dup", "PAYOUT", "1000", "0712345678");
        assertThat(post("/payments", body, Map.of()).statusCode()).isEqualTo(202);
        awaitStatus("r-dup", "SUCCEEDED");
        HttpResponse<String> again = post("/payments", body, Map.of());
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(again.body()).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(bluePay.createCount("r-dup")).isEqualTo(1);
    }

    @Test
    void anIdReusedForAnotherPaymentIs409() throws Exception {
        post("/payments", command("r-conflict", "PAYOUT", "1000", "0712345678"), Map.of());
        HttpResponse<String> answer = post("/payments", command("r-conflict", "PAYOUT", "2000", "0712345678"), Map.of());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(answer.body()).at("/violations/0/rule").asText()).isEqualTo("idempotency");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json          | {oops                                                                     | $               | json",
            "missing id        | {\"type\":\"PAYOUT\",\"amount\":\"10\",\"currency\":\"KES\",\"country\":\"KE\"} | id | required",
            "float amount      | {\"id\":\"r-f\",\"type\":\"PAYOUT\",\"amount\":10.5,\"currency\":\"KES\",\"country\":\"KE\"} | amount | type",
            "bad phone         | {\"id\":\"r-p\",\"type\":\"PAYOUT\",\"amount\":\"10\",\"currency\":\"KES\",\"country\":\"KE\",\"customer\":{\"phone\":\"123\"}} | customer.phone | phone-number",
            "unknown provider  | {\"id\":\"r-u\",\"type\":\"PAYOUT\",\"provider\":\"acme\",\"amount\":\"10\",\"currency\":\"KES\",\"country\":\"KE\"} | provider | known-provider",
            "no routing rule   | {\"id\":\"r-r\",\"type\":\"PAYOUT\",\"amount\":\"10\",\"currency\":\"NGN\",\"country\":\"NG\"} | provider | routing",
            "provider limit    | {\"id\":\"r-l\",\"type\":\"PAYOUT\",\"amount\":\"5\",\"currency\":\"KES\",\"country\":\"KE\",\"customer\":{\"phone\":\"0712345678\"}} | amount | bluepay.b2c.amount-range",
            "provider currency | {\"id\":\"r-c\",\"type\":\"PAYOUT\",\"provider\":\"bluepay\",\"amount\":\"10\",\"currency\":\"UGX\",\"country\":\"KE\",\"customer\":{\"phone\":\"0712345678\"}} | currency | bluepay.currency",
    })
    void rejectsBadInputWith400NamingTheFieldAndRule(String name, String body, String field, String rule) throws Exception {
        HttpResponse<String> answer = post("/payments", body, Map.of());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode violations = JSON.readTree(answer.body()).path("violations");
        assertThat(violations.findValuesAsText("field")).contains(field);
        assertThat(violations.findValuesAsText("rule")).contains(rule);
    }

    @Test
    void anUnknownPaymentIs404() throws Exception {
        HttpResponse<String> answer = get("/payments/never-seen");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("never-seen");
    }

    @Test
    void operatorQueriesReturnTheProvidersAnswer() throws Exception {
        HttpResponse<String> balance = get("/admin/providers/bluepay/balance");
        assertThat(balance.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(balance.body()).at("/b2c_wallet/balance_kes").isNumber()).isTrue();
        HttpResponse<String> channels = get("/admin/providers/bluepay/channels");
        assertThat(JSON.readTree(channels.body()).at("/payment_channels/0/channel_id").asText()).isNotBlank();
        assertThat(get("/admin/providers/bluepay/nothing").statusCode()).isEqualTo(404);
    }
}
