package io.paybridge.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.provider.CallbackHeaders;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Adapts the platform-http exchange to {@link CallbackHandler}: raw bytes in, status and JSON out. */
public final class CallbackEndpoint {
    private final CallbackHandler handler;
    private final ObjectMapper json;

    public CallbackEndpoint(CallbackHandler handler, ObjectMapper json) {
        this.handler = handler;
        this.json = json;
    }

    public void handle(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String provider = m.getHeader("provider", String.class);
        CallbackReply reply = handler.handle(provider, m.getBody(byte[].class), new CallbackHeaders(m.getHeaders()));
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(json.writeValueAsString(Map.of("outcome", reply.outcome(), "detail", reply.detail())));
    }
}
