package io.paybridge.bench;

import io.paybridge.ledger.Ledger;
import io.paybridge.model.EventSource;
import io.paybridge.model.Outcome;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Reason;
import io.paybridge.model.ReasonCodes;
import io.paybridge.provider.Connector;
import io.paybridge.provider.LostAnswerLookup;
import io.paybridge.provider.PaymentSnapshot;
import io.paybridge.provider.ProviderCall;
import io.paybridge.provider.ProviderRequest;
import io.paybridge.provider.ProviderResponse;
import io.paybridge.provider.Step;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The batch twin's dispatch: a bounded queue of claimed commands (the reader blocks when it is
 * full, as the bundle's batch queue does) and {@code concurrency} threads, each sending one
 * payment at a time with the JDK {@link HttpClient}: mark SUBMITTED in the {@link Ledger}, call,
 * let the connector read the answer, apply it. The command travels in the queue, so no payment is
 * read back before sending. A call that never left fails the payment; one whose answer was lost
 * is resent once as the bundle does for BluePay payouts ({@link #lostAnswer}). No retries of
 * refused calls (5xx, 429), no status queries, no circuit breaker: an HTTP answer is taken as the
 * connector reads it.
 */
final class TwinDispatch {
    private final BlockingQueue<PaymentCommand> queue;
    private final Connector connector;
    private final Ledger ledger;
    private final HttpClient http;
    private final Duration responseTimeout;
    private final Duration lostAnswerDelay;

    /** The timeouts and the pause before a lost answer's lookup are the bundle's ({@code paybridge.providers.*}, {@code paybridge.dispatch.lost-answer-delay-ms}). */
    TwinDispatch(Connector connector, Ledger ledger, int concurrency, int queueSize, Duration connectTimeout, Duration responseTimeout,
            Duration lostAnswerDelay) {
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.connector = connector;
        this.ledger = ledger;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.responseTimeout = responseTimeout;
        this.lostAnswerDelay = lostAnswerDelay;
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(this::work, "twin-dispatch-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Hands a claimed payment over; waits while the queue is full. */
    void put(PaymentCommand command) throws InterruptedException {
        queue.put(command);
    }

    private void work() {
        while (true) {
            PaymentCommand command;
            try {
                command = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                send(command);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                e.printStackTrace(); // the harness sees the run never finish and the trace in the log
            }
        }
    }

    private void send(PaymentCommand command) throws InterruptedException {
        String id = command.id();
        ProviderRequest request;
        try {
            request = connector.initiate(command);
        } catch (IllegalArgumentException invalid) {
            ledger.apply(id, failed(ReasonCodes.VALIDATION_FAILED, "request cannot be built: " + invalid.getMessage()),
                    EventSource.DISPATCH);
            return;
        }
        if (!ledger.markSubmitted(id)) {
            return;
        }
        List<ProviderCall> calls = new ArrayList<>();
        while (true) {
            ProviderResponse response;
            try {
                response = call(request);
            } catch (ConnectException | HttpConnectTimeoutException neverSent) {
                ledger.apply(id, failed(ReasonCodes.PROVIDER_UNREACHABLE, neverSent.toString()), EventSource.DISPATCH);
                return;
            } catch (IOException noAnswer) {
                lostAnswer(command, noAnswer);
                return;
            }
            calls.add(new ProviderCall(request, response));
            Step step = connector.afterInitiation(command, calls);
            if (step.isDone()) {
                ledger.apply(id, step.outcome(), EventSource.RESPONSE);
                return;
            }
            request = step.next();
        }
    }

    /**
     * The answer was lost after sending. As the bundle's LostAnswers does for a BluePay payout
     * (its reference is an enforced idempotency key): wait, count the one permitted resend in the
     * ledger, send the identical payout again and read the answer as a lookup; a payout settled
     * meanwhile by its callback is left alone. Any other case, or a second lost answer, is
     * NEEDS_REVIEW: the twin asks no status API.
     */
    private void lostAnswer(PaymentCommand command, IOException first) throws InterruptedException {
        String id = command.id();
        PaymentSnapshot snapshot = new PaymentSnapshot(id, command.type(), PaymentStatus.SUBMITTED, null);
        if (!(connector.lostAnswerLookup(snapshot) instanceof LostAnswerLookup.IdempotentResend)) {
            review(id, "no answer after sending (" + first + ")");
            return;
        }
        Thread.sleep(lostAnswerDelay.toMillis()); // the provider may still be recording the first request
        if (!ledger.markResent(id)) {
            return; // its callback settled it meanwhile
        }
        try {
            Outcome outcome = connector.interpretStatus(snapshot, call(connector.initiate(command)));
            if (outcome.status() == null) {
                review(id, "no answer after sending, and " + connector.name() + " cannot tell whether it holds the payment ("
                        + outcome.providerStatus() + ")");
            } else {
                ledger.apply(id, outcome, EventSource.POLL);
            }
        } catch (IOException again) {
            review(id, "no answer after sending, nor to the resend (" + again + ")");
        }
    }

    private void review(String id, String message) {
        ledger.apply(id, new Outcome(PaymentStatus.NEEDS_REVIEW, null, null, Reason.of(ReasonCodes.AMBIGUOUS_OUTCOME, message), null,
                null), EventSource.DISPATCH);
    }

    private ProviderResponse call(ProviderRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url())).timeout(responseTimeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(b::header);
        HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new ProviderResponse(response.statusCode(), response.body());
    }

    private static Outcome failed(String code, String message) {
        return new Outcome(PaymentStatus.FAILED, null, null, Reason.of(code, message), null, null);
    }
}
