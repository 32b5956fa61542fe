package io.paybridge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.provider.ProviderResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class FailureClassTest {

    @Test
    void failuresBeforeAnyByteWasSentAreTransient() {
        assertThat(FailureClass.of(new ConnectException("Connection refused"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new ConnectTimeoutException("connect timed out"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new UnknownHostException("bluepay.co.ke"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new ProviderBusyException("kipay", 429))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new IllegalStateException("wrapped", new ConnectException("refused"))))
                .as("the cause decides").isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void failuresAfterTheRequestLeftAreAmbiguous() {
        assertThat(FailureClass.of(new SocketTimeoutException("Read timed out"))).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(FailureClass.of(new NoHttpResponseException("127.0.0.1:1 failed to respond"))).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(FailureClass.of(new SocketException("Connection reset"))).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(FailureClass.of(new IOException("stream closed"))).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(FailureClass.of((Throwable) null)).as("unknown is the unsafe case").isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(FailureClass.of(new RuntimeException("?"))).isEqualTo(FailureClass.AMBIGUOUS);
    }

    @Test
    void aRequestWeCouldNotBuildIsInvalidInput() {
        assertThat(FailureClass.of(new IllegalArgumentException("amount: not a number"))).isEqualTo(FailureClass.INVALID_INPUT);
    }

    @Test
    void answersAreClassifiedByStatusAndTheConnectorsWordOnRetryableOnes() {
        var bluePay = new FakeConnector(); // default isRetryable: 429 and 503
        assertThat(FailureClass.of(bluePay, answer(200))).isNull();
        assertThat(FailureClass.of(bluePay, answer(201))).isNull();
        assertThat(FailureClass.of(bluePay, answer(429))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(bluePay, answer(503))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(bluePay, answer(400))).isEqualTo(FailureClass.PROVIDER_REJECTION);
        assertThat(FailureClass.of(bluePay, answer(409))).isEqualTo(FailureClass.PROVIDER_REJECTION);
        assertThat(FailureClass.of(bluePay, answer(422))).isEqualTo(FailureClass.PROVIDER_REJECTION);
        assertThat(FailureClass.of(bluePay, answer(500))).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(FailureClass.of(bluePay, answer(502))).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(FailureClass.of(bluePay, answer(504))).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(FailureClass.of(null, answer(503))).as("no connector: nothing is known to be safe").isEqualTo(FailureClass.AMBIGUOUS);
    }

    @Test
    void theRetryClauseAsksAboutTheExceptionBeingHandled() {
        CamelContext camel = new DefaultCamelContext();
        Exchange exchange = new DefaultExchange(camel);
        exchange.setException(new ConnectException("refused"));
        assertThat(FailureClass.isTransient(exchange)).isTrue();
        exchange.setException(new SocketTimeoutException("Read timed out"));
        assertThat(FailureClass.isTransient(exchange)).isFalse();
        exchange.setException(null);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ProviderBusyException("bluepay", 503));
        assertThat(FailureClass.isTransient(exchange)).isTrue();
    }

    @Test
    void providerFailuresFollowTheClassifier() {
        assertThat(ProviderFailure.of(new ProviderBusyException("bluepay", 503)).kind()).isEqualTo(ProviderFailure.Kind.REFUSED);
        assertThat(ProviderFailure.of(new ConnectException("refused")).kind()).isEqualTo(ProviderFailure.Kind.UNREACHABLE);
        ProviderFailure lost = ProviderFailure.of(new SocketTimeoutException("Read timed out"));
        assertThat(lost.kind()).isEqualTo(ProviderFailure.Kind.NO_ANSWER);
        assertThat(lost.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
        assertThat(lost.message()).isEqualTo("SocketTimeoutException: Read timed out");
    }

    private static ProviderResponse answer(int status) {
        return new ProviderResponse(status, new byte[0]);
    }
}
