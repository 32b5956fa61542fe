package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DelimitersTest {

    @Test
    void theHeaderRowDecides() {
        assertThat(sniff("reference,amount,currency\nA;1;2;3;4;5\n")).isEqualTo(',');
        assertThat(sniff("reference;amount;currency\nA,1,2,3,4,5\n")).isEqualTo(';');
        assertThat(sniff("\uFEFFreference;amount\r\n")).isEqualTo(';');
        assertThat(sniff("\r\n\r\nreference;amount\r\n")).isEqualTo(';'); // leading blank lines are passed over
        assertThat(sniff("\"a,b\";c;d\n")).isEqualTo(';'); // quoted delimiters do not count
        assertThat(sniff("reference\n")).isEqualTo(','); // nothing to go on: the RFC 4180 default
    }

    @Test
    void theSettingAcceptsAutoCommaOrSemicolon() {
        assertThat(BatchSettings.delimiter("auto")).isNull();
        assertThat(BatchSettings.delimiter(",")).isEqualTo(',');
        assertThat(BatchSettings.delimiter(";")).isEqualTo(';');
        assertThat(BatchSettings.delimiter("semicolon")).isEqualTo(';');
        assertThatThrownBy(() -> BatchSettings.delimiter("|")).hasMessageContaining("paybridge.batch.delimiter");
    }

    private static char sniff(String text) {
        return Delimiters.sniff(text.getBytes(StandardCharsets.UTF_8));
    }
}
