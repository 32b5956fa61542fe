package io.paybridge.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paybridge.config.ExchangeKeys;
import io.paybridge.provider.CallbackHeaders;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts the platform-http exchange to {@link CallbackHandler}: raw bytes in; the reply kept in
 * a property while the route confirms the callback with the provider if asked; status and JSON out.
 */
public final class CallbackEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackEndpoint.class);
    private final CallbackHandler handler;
    private final ObjectMapper json;

    private final int maxBodyBytes;

    public CallbackEndpoint(CallbackHandler handler, ObjectMapper json, int maxBodyBytes) {
        this.handler = handler;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void handle(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String provider = m.getHeader("provider", String.class);
        CallbackReply reply;
        try {
            byte[] raw = RawBody.read(m, maxBodyBytes);
            reply = raw == null
                    ? CallbackReply.of(413, "too-large", "callback bodies are limited to " + maxBodyBytes + " bytes")
                    : handler.handle(provider, raw, new CallbackHeaders(m.getHeaders()));
        } catch (RawBody.Malformed malformed) {
            LOG.warn("{} callback with an unreadable request body: {}", provider, malformed.getMessage());
            reply = CallbackReply.of(400, "malformed-request", "the request body could not be read as HTTP");
        }
        exchange.setProperty(ExchangeKeys.CALLBACK_REPLY, reply);
        exchange.setProperty(ExchangeKeys.CONFIRM, reply.confirmPaymentId() != null);
        exchange.setProperty(ExchangeKeys.PAYMENT_ID, reply.confirmPaymentId());
    }

    public void reply(Exchange exchange) throws Exception {
        CallbackReply reply = exchange.getProperty(ExchangeKeys.CALLBACK_REPLY, CallbackReply.class);
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(json.writeValueAsString(Map.of("outcome", reply.outcome(), "detail", reply.detail())));
    }
}
