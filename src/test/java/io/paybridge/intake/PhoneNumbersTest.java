package io.paybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The M-Pesa forms from NOTES.md all normalise to the same E.164 number. */
class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource({
            "0712345678,    KE, +254712345678",
            "0712 345 678,  KE, +254712345678",
            "+254712345678, KE, +254712345678",
            "254712345678,  KE, +254712345678",
            "0112345678,    KE, +254112345678",
            "254112345678,  KE, +254112345678",
            "+256772123456, KE, +256772123456",
            "0772123456,    UG, +256772123456",
    })
    void normalises(String raw, String country, String e164) {
        assertThat(PhoneNumbers.toE164(raw, country)).contains(e164);
    }

    @ParameterizedTest
    @CsvSource({"12, KE", "abc, KE", "07123, KE", "'', KE"})
    void rejects(String raw, String country) {
        assertThat(PhoneNumbers.toE164(raw, country)).isEmpty();
    }
}
