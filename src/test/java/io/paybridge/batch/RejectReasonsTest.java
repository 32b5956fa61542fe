package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.ledger.Batches;
import io.paybridge.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectReasonsTest {

    @Test
    void violationsAreWordedInTheFilesTerms() {
        List<Batches.Reject> rejects = RejectReasons.of(9, "R-9", List.of(
                new Violation("customer.phone", "phone-number", "not a valid phone number for KE: ****"),
                new Violation("id", "pattern", "$.id: does not match the regex pattern ^[A-Za-z0-9_.:-]{1,64}$"),
                new Violation("currency", "required", "$: required property 'currency' not found"),
                new Violation("description", "maxLength", "$.description: must be at most 140 characters long"),
                new Violation("customer.bankCode", "maxLength", "$.customer.bankCode: must be at most 32 characters long"),
                new Violation("$", "column-count", "the row has 8 values but the header names 7 columns"),
                new Violation("amount", "bluepay.b2c.amount-range", "BluePay B2C payout amount must be KES 10–1000000")));
        assertThat(rejects).extracting(Batches.Reject::seq).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(rejects).allSatisfy(r -> assertThat(r.line()).isEqualTo(9));
        assertThat(rejects).extracting(r -> r.field() + " | " + r.rule() + " | " + r.reason()).containsExactly(
                "phone | phone-number | not a valid phone number for KE: ****",
                "reference | pattern | reference must be 1 to 64 letters, digits or the characters _ . : - (no spaces)",
                "currency | required | currency is required",
                "description | maxLength | description must be at most 140 characters long",
                "bank_code | maxLength | bank_code must be at most 32 characters long",
                "row | column-count | the row has 8 values but the header names 7 columns",
                "amount | bluepay.b2c.amount-range | BluePay B2C payout amount must be KES 10–1000000");
    }
}
