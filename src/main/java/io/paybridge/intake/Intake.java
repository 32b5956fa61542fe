package io.paybridge.intake;

import io.paybridge.config.ExchangeKeys;
import io.paybridge.crypto.Masking;
import io.paybridge.dispatch.ProviderChoice;
import io.paybridge.ledger.ClaimResult;
import io.paybridge.ledger.Ledger;
import io.paybridge.model.Violation;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one step every intake door shares: read and validate, bind to a provider and check its
 * rules, then claim the id in the ledger. Sets {@link ExchangeKeys#INTAKE_VERDICT} for the route
 * to branch on; the payment is in the ledger before this returns NEW or REPEAT.
 */
public final class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final CommandReader reader;
    private final ProviderChoice providers;
    private final Ledger ledger;

    public Intake(CommandReader reader, ProviderChoice providers, Ledger ledger) {
        this.reader = reader;
        this.providers = providers;
        this.ledger = ledger;
    }

    /** Camel entry point: the message body holds the raw bytes of one command. */
    public void accept(Exchange exchange) {
        IntakeResult result = accept(exchange.getMessage().getBody(byte[].class));
        exchange.setProperty(ExchangeKeys.INTAKE_RESULT, result);
        exchange.setProperty(ExchangeKeys.INTAKE_VERDICT, result.verdict().name());
        exchange.setProperty(ExchangeKeys.PAYMENT_ID, result.paymentId());
    }

    public IntakeResult accept(byte[] body) {
        CommandReader.Result read = reader.read(body == null ? new byte[0] : body);
        if (read.invalid() != null) {
            return rejected(read.invalid());
        }
        ProviderChoice.Result bound = providers.bind(read.command());
        if (bound.command() == null) {
            return rejected(new InvalidCommand(read.command().id(), bound.violations()));
        }
        ClaimResult claim = ledger.claim(bound.command());
        if (claim.created()) {
            LOG.info("payment {} received for {} ({} {} {})", claim.payment().id(), claim.payment().provider(),
                    bound.command().amount().toPlainString(), bound.command().currency(),
                    bound.command().phone() == null ? "" : "phone " + Masking.mask(bound.command().phone()));
            return new IntakeResult(IntakeResult.Verdict.NEW, claim.payment(), null);
        }
        if (claim.sameCommand()) {
            return new IntakeResult(IntakeResult.Verdict.REPEAT, claim.payment(), null);
        }
        InvalidCommand conflict = new InvalidCommand(claim.payment().id(), List.of(new Violation("id", "idempotency",
                "id already used by a different payment command; ids are idempotency keys and cannot be reused")));
        LOG.warn("payment {} rejected: {}", claim.payment().id(), conflict.summary());
        return new IntakeResult(IntakeResult.Verdict.CONFLICT, claim.payment(), conflict);
    }

    private static IntakeResult rejected(InvalidCommand invalid) {
        LOG.warn("command {} rejected: {}", invalid.id(), invalid.summary());
        return new IntakeResult(IntakeResult.Verdict.REJECTED, null, invalid);
    }
}
