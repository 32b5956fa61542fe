package io.paybridge.batch;

import io.paybridge.dispatch.ProviderChoice;
import io.paybridge.intake.CommandReader;
import io.paybridge.ledger.BatchClaims;
import io.paybridge.ledger.BatchRecord;
import io.paybridge.ledger.Batches;
import io.paybridge.ledger.ClaimResult;
import io.paybridge.ledger.Ledger;
import io.paybridge.ledger.Payment;
import io.paybridge.model.BatchRef;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.PaymentStatus;
import io.paybridge.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One CSV row through the same steps as every other intake door: canonical JSON, then
 * {@link CommandReader} (schema, contract rules, phone normalisation), then the provider's rules
 * ({@link ProviderChoice#bind}), then the ledger claim, a chunk of rows per transaction
 * ({@link BatchClaims}). A reference repeated within the file, or
 * already in the ledger from anywhere else, is rejected rather than paid again. A row claimed
 * before a restart comes back from the claim as this same file and line: it is resumed, not
 * rejected.
 */
final class RowIntake {
    /** CLAIMED: new in the ledger. RESUMED: claimed by this batch before a restart. REJECTED: recorded in the rejects. */
    enum Kind { CLAIMED, RESUMED, REJECTED }

    /** What became of a row; {@code dispatch} is true when its payment still has to be handed to dispatch. */
    record Verdict(Kind kind, String paymentId, boolean dispatch) {
    }

    private final CommandReader reader;
    private final ProviderChoice providers;
    private final Ledger ledger;
    private final Batches batches;
    private final RowCommands commands;
    private final Function<List<PaymentCommand>, List<ClaimResult>> claimAll;

    RowIntake(CommandReader reader, ProviderChoice providers, Ledger ledger, BatchClaims claims, Batches batches, RowCommands commands) {
        this.claimAll = claims::claimAll;
        this.reader = reader;
        this.providers = providers;
        this.ledger = ledger;
        this.batches = batches;
        this.commands = commands;
    }

    /**
     * Checks one row. An invalid row is rejected (recorded) at once and answered; a valid one
     * joins {@code chunk} to be claimed with the others by {@link #settle}, and null is answered.
     * The caller settles the chunk first when the row repeats a reference waiting in it, so what
     * the ledger holds here is what it would hold had every earlier row been claimed alone.
     */
    Verdict check(BatchRecord batch, CsvHeader header, CsvRows.Row row, RejectedReferences rejected, ClaimChunk chunk) {
        String reference = RowCommands.reference(header, row);
        List<Violation> violations = new ArrayList<>();
        if (row.cells().length > header.width() && hasValueBeyond(row.cells(), header.width())) {
            violations.add(new Violation("$", "column-count", "the row has " + row.cells().length
                    + " values but the header names " + header.width() + " columns"));
        }
        Optional<Long> rejectedEarlier = rejected.rejectedBefore(reference, row.line());
        rejectedEarlier.ifPresent(first -> violations.add(duplicateInFile(reference, first)));
        CommandReader.Result read = reader.read(commands.toCommand(header, row, batch.id()));
        if (read.invalid() != null) {
            violations.addAll(read.invalid().violations());
        }
        ProviderChoice.Result bound = read.command() == null ? null : providers.bind(read.command());
        if (bound != null && bound.command() == null) {
            violations.addAll(bound.violations());
        }
        if (!violations.isEmpty()) {
            if (rejectedEarlier.isEmpty()) {
                claimedEarlier(batch, reference, row.line()).ifPresent(first -> violations.add(0, duplicateInFile(reference, first)));
            }
            chunk.rejected(row.line());
            return reject(batch, row.line(), reference, violations, rejected);
        }
        chunk.valid(row.line(), reference, bound.command());
        return null;
    }

    /**
     * Claims the chunk's valid rows in one ledger transaction and answers each, in file order,
     * as claiming it alone would have: new, resumed after a restart, or rejected as a repeat
     * within the file or of a payment the ledger already holds.
     */
    List<Verdict> settle(BatchRecord batch, ClaimChunk chunk, RejectedReferences rejected) {
        List<ClaimResult> claims = claimAll.apply(chunk.commands());
        List<Verdict> verdicts = new ArrayList<>(claims.size());
        int i = 0;
        for (ClaimChunk.Entry entry : chunk.entries()) {
            if (entry.command() != null) {
                verdicts.add(verdict(batch, entry, claims.get(i++), rejected));
            }
        }
        return verdicts;
    }

    private Verdict verdict(BatchRecord batch, ClaimChunk.Entry entry, ClaimResult claim, RejectedReferences rejected) {
        String reference = entry.reference();
        long line = entry.line();
        Payment payment = claim.payment();
        if (claim.created()) {
            return new Verdict(Kind.CLAIMED, payment.id(), true);
        }
        BatchRef origin = payment.command().batch();
        if (origin != null && origin.fileId().equals(batch.id())) {
            if (origin.line() == line) {
                return new Verdict(Kind.RESUMED, payment.id(), payment.status() == PaymentStatus.RECEIVED);
            }
            // A third row repeating a reference names the first row rejected for it, as it always has.
            long first = rejected.rejectedBefore(reference, line).orElse(origin.line());
            return reject(batch, line, reference, List.of(duplicateInFile(reference, first)), rejected);
        }
        return reject(batch, line, reference, List.of(new Violation("id", "unique-in-ledger", "reference '" + reference
                + "' is already in the ledger (" + describe(payment) + ", status " + payment.status()
                + "); it is not paid again")), rejected);
    }

    private Verdict reject(BatchRecord batch, long line, String reference, List<Violation> violations, RejectedReferences rejected) {
        batches.reject(batch.id(), RejectReasons.of(line, reference, violations));
        rejected.remember(reference, line);
        return new Verdict(Kind.REJECTED, reference, false);
    }

    /** For an invalid row: did an earlier, valid row of this file already claim its reference? */
    private Optional<Long> claimedEarlier(BatchRecord batch, String reference, long line) {
        if (reference == null || reference.length() > 64) {
            return Optional.empty();
        }
        return ledger.find(reference).map(p -> p.command().batch())
                .filter(origin -> origin.fileId().equals(batch.id()) && origin.line() < line)
                .map(BatchRef::line);
    }

    private static Violation duplicateInFile(String reference, long firstLine) {
        return new Violation("id", "unique-in-file", "reference '" + reference + "' already appears on line " + firstLine
                + " of this file; only its first row is considered");
    }

    private static String describe(Payment payment) {
        BatchRef origin = payment.command().batch();
        return origin == null ? "received through another intake door"
                : "from batch " + origin.fileId() + " line " + origin.line();
    }

    private static boolean hasValueBeyond(String[] cells, int width) {
        for (int i = width; i < cells.length; i++) {
            if (cells[i] != null && !cells[i].isBlank()) {
                return true;
            }
        }
        return false;
    }
}
