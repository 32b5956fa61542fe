package io.paybridge.callback;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Message;

/**
 * The exact bytes a provider sent. The callback endpoint runs without platform-http's body
 * handler, because that handler turns form-encoded bodies into maps and drops the bytes a
 * signature covers; here the request is read whole, whatever its content type. A body over the
 * limit is drained and dropped (the client must finish sending before it reads our 413).
 */
final class RawBody {
    static final int READ_TIMEOUT_SECONDS = 10;

    private RawBody() {
    }

    /** The body's bytes, or null when it exceeds {@code maxBytes} (the caller answers 413). */
    static byte[] read(Message message, int maxBytes) throws InterruptedException {
        Object body = message.getBody();
        if (!(body instanceof HttpServerRequest request)) {
            byte[] bytes = message.getBody(byte[].class); // other transports (tests, direct calls) hand bytes over
            return bytes == null || bytes.length <= maxBytes ? bytes : null;
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        Buffer collected = Buffer.buffer();
        boolean[] tooLarge = {declaredLength(request) > maxBytes};
        request.handler(chunk -> {
            if (!tooLarge[0] && collected.length() + chunk.length() > maxBytes) {
                tooLarge[0] = true;
            }
            if (!tooLarge[0]) {
                collected.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(done::completeExceptionally);
        request.endHandler(end -> done.complete(tooLarge[0] ? null : collected.getBytes()));
        request.resume();
        try {
            return done.get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            return null; // a body that never ends is treated like one that is too large
        } catch (ExecutionException broken) {
            // Malformed framing (a bad chunk size) or a client that went away: the client's fault, never a 500.
            throw new Malformed(broken.getCause());
        }
    }

    /** The request's bytes could not be read as HTTP (the caller answers 400). */
    static final class Malformed extends RuntimeException {
        Malformed(Throwable cause) {
            super(cause == null ? "unreadable request body" : cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
