package io.paybridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorQueriesTest {
    @Test
    void queryParametersAreDecodedInOrder() {
        assertThat(OperatorQueries.parameters("status=failed&search=jane%40example.com&flag&&page=2"))
                .containsExactly(java.util.Map.entry("status", "failed"), java.util.Map.entry("search", "jane@example.com"),
                        java.util.Map.entry("flag", ""), java.util.Map.entry("page", "2"));
        assertThat(OperatorQueries.parameters(null)).isEmpty();
    }
}
