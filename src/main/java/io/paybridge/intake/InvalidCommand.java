package io.paybridge.intake;

import io.paybridge.model.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** Why an input is not a payment command: every violation, and the id when it could be read. */
public record InvalidCommand(String id, List<Violation> violations) {

    /** One line naming each field and rule, for logs, DLQ headers and rejects files. */
    public String summary() {
        return violations.stream().map(v -> v.field() + " [" + v.rule() + "]: " + v.message()).collect(Collectors.joining("; "));
    }
}
