package io.paybridge.testing;

import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.provider.Connector;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the dispatcher's part of a connector conversation over real HTTP (JDK client, no Camel):
 * {@code initiate}, then {@code afterInitiation} until done. For tests of a connector against
 * its simulator where the full bundle would add nothing but start-up time.
 */
public final class Conversation {
    /** Every call made, oldest first, and the outcome. */
    public record Result(List<ProviderCall> calls, Outcome outcome) {
        public List<String> operations() {
            return calls.stream().map(c -> c.request().operation()).toList();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Conversation() {
    }

    public static Result run(Connector connector, PaymentCommand command) {
        List<ProviderCall> calls = new ArrayList<>();
        ProviderRequest next = connector.initiate(command);
        while (calls.size() < 8) {
            calls.add(new ProviderCall(next, send(next)));
            Step step = connector.afterInitiation(command, List.copyOf(calls));
            if (step.isDone()) {
                return new Result(calls, step.outcome());
            }
            next = step.next();
        }
        throw new IllegalStateException("conversation did not end: " + calls);
    }

    public static ProviderResponse send(ProviderRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(10))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ProviderResponse(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("call to " + request.url() + " failed", e);
        }
    }
}
