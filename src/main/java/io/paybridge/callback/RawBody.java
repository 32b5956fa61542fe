package io.paybridge.callback;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Message;

/**
 * The exact bytes a provider sent. The callback endpoint runs without platform-http's body
 * handler, because that handler turns form-encoded bodies into maps and drops the bytes a
 * signature covers; here the request is read whole, whatever its content type.
 */
final class RawBody {
    static final int READ_TIMEOUT_SECONDS = 10;

    private RawBody() {
    }

    /** The body's bytes, or null when it exceeds {@code maxBytes} (the caller answers 413). */
    static byte[] read(Message message, int maxBytes) throws InterruptedException, ExecutionException, TimeoutException {
        Object body = message.getBody();
        if (!(body instanceof HttpServerRequest request)) {
            byte[] bytes = message.getBody(byte[].class); // other transports (tests, direct calls) hand bytes over
            return bytes == null || bytes.length <= maxBytes ? bytes : null;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && parse(length) > maxBytes) {
            return null;
        }
        var pending = request.body();
        request.resume();
        Buffer buffer = pending.toCompletionStage().toCompletableFuture().get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return buffer.length() <= maxBytes ? buffer.getBytes() : null;
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
