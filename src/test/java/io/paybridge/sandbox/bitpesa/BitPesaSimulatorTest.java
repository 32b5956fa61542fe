package io.paybridge.sandbox.bitpesa;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BitPesa simulator's authentication and validation, driven with hand-made signed requests. */
class BitPesaSimulatorTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BitPesaSimulator.Settings settings = BitPesaSimulator.Settings.defaults();
    private BitPesaSimulator sim;

    @BeforeEach
    void start() {
        sim = BitPesaSimulator.start(settings);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> call(String method, String pathAndQuery, String body, String nonce, String signedUrl) throws Exception {
        byte[] raw = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String signature = BitPesaSimCrypto.signature(settings.apiSecret(), nonce, method, signedUrl, raw);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .header("Authorization-Key", settings.apiKey()).header("Authorization-Nonce", nonce)
                .header("Authorization-Signature", signature).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(raw));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signatureCoversTheFullUrlWithQueryAndNoncesAreSingleUse() throws Exception {
        String url = sim.baseUrl() + "/v1/senders?external_id=abc";
        String nonce = UUID.randomUUID().toString();
        assertThat(call("GET", "/v1/senders?external_id=abc", null, nonce, url).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/v1/senders?external_id=abc", null, nonce, url).statusCode()).as("replayed nonce").isEqualTo(401);
        assertThat(call("GET", "/v1/senders?external_id=abc", null, UUID.randomUUID().toString(), sim.baseUrl() + "/v1/senders")
                .statusCode()).as("query left out of the signature").isEqualTo(401);
    }

    @Test
    void validationErrorsAre422WithFieldErrors() throws Exception {
        String sender = "{\"sender\":{\"external_id\":\"s-1\",\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"a@b.io\",\"country\":\"KE\"}}";
        HttpResponse<String> created = call("POST", "/v1/senders", sender, UUID.randomUUID().toString(), sim.baseUrl() + "/v1/senders");
        assertThat(created.statusCode()).isEqualTo(201);
        String senderId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String tx = "{\"transaction\":{\"input_currency\":\"KES\",\"sender\":{\"id\":\"" + senderId + "\"},\"recipients\":[{"
                + "\"requested_amount\":100,\"requested_currency\":\"KES\",\"type\":\"person\",\"payout_method\":{\"type\":\"KES::Mobile\","
                + "\"details\":{\"first_name\":\"J\",\"last_name\":\"D\",\"phone_number\":\"+256712345678\",\"mobile_provider\":\"mpesa\","
                + "\"transfer_reason\":\"personal_account\"}}}],\"external_id\":\"p-1\"}}";
        HttpResponse<String> refused = call("POST", "/v1/transactions", tx, UUID.randomUUID().toString(), sim.baseUrl() + "/v1/transactions");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"errors\":{\"phone_number\":[{\"error\":\"invalid\"}]}");
        assertThat(sim.createCount("p-1")).isZero();
        String ok = tx.replace("+256712345678", "+254712345678");
        assertThat(call("POST", "/v1/transactions", ok, UUID.randomUUID().toString(), sim.baseUrl() + "/v1/transactions").statusCode())
                .isEqualTo(201);
        HttpResponse<String> duplicate = call("POST", "/v1/transactions", ok, UUID.randomUUID().toString(), sim.baseUrl() + "/v1/transactions");
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("\"external_id\":[{\"error\":\"taken\"}]");
        assertThat(sim.createCount("p-1")).isEqualTo(1);
        assertThat(sim.transactionState("p-1")).isEqualTo("initial");
    }

    @Test
    void refusedFundingSwitchAndCountedCancels() throws Exception {
        String sender = "{\"sender\":{\"external_id\":\"s-2\",\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"a@b.io\",\"country\":\"KE\"}}";
        String senderId = call("POST", "/v1/senders", sender, UUID.randomUUID().toString(), sim.baseUrl() + "/v1/senders").body()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String tx = "{\"transaction\":{\"input_currency\":\"KES\",\"sender\":{\"id\":\"" + senderId + "\"},\"recipients\":[{"
                + "\"requested_amount\":100,\"requested_currency\":\"KES\",\"type\":\"person\",\"payout_method\":{\"type\":\"KES::Mobile\","
                + "\"details\":{\"first_name\":\"J\",\"last_name\":\"D\",\"phone_number\":\"+254712345678\",\"mobile_provider\":\"mpesa\","
                + "\"transfer_reason\":\"personal_account\"}}}],\"external_id\":\"p-2\"}}";
        String created = call("POST", "/v1/transactions", tx, UUID.randomUUID().toString(), sim.baseUrl() + "/v1/transactions").body();
        String txId = created.replaceAll("^\\{\"object\":\\{\"id\":\"([^\"]+)\".*", "$1");
        java.math.BigDecimal before = sim.balance("KES");
        sim.faults().refuseNextDebits(1);
        String debit = "{\"debit\":{\"currency\":\"KES\",\"to_id\":\"" + txId + "\",\"to_type\":\"Transaction\"}}";
        HttpResponse<String> refused = call("POST", "/v1/accounts/debits", debit, UUID.randomUUID().toString(),
                sim.baseUrl() + "/v1/accounts/debits");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("insufficient_funds");
        assertThat(sim.balance("KES")).isEqualByComparingTo(before);
        String cancelUrl = sim.baseUrl() + "/v1/transactions/" + txId;
        HttpResponse<String> cancelled = call("DELETE", "/v1/transactions/" + txId, null, UUID.randomUUID().toString(), cancelUrl);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"state\":\"canceled\"");
        HttpResponse<String> again = call("DELETE", "/v1/transactions/" + txId, null, UUID.randomUUID().toString(), cancelUrl);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("cannot_cancel");
        assertThat(sim.cancelCount("p-2")).as("every cancel request is counted, accepted or not").isEqualTo(2);
        assertThat(sim.transactionState("p-2")).isEqualTo("canceled");
    }

    @Test
    void wrongKeyIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/accounts"))
                .header("Authorization-Key", "someone-else").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
