package io.paybridge.config;

/**
 * Names of the exchange properties and message headers the routes and beans share. Internal
 * state travels in exchange properties, never in headers, so it can never leak into an outgoing
 * HTTP call or Kafka record.
 */
public final class ExchangeKeys {
    /** Property: the {@link io.paybridge.intake.IntakeResult} of the intake step. */
    public static final String INTAKE_RESULT = "paybridgeIntakeResult";
    /** Property: NEW, REPEAT, CONFLICT or REJECTED — what intake decided; routes branch on it. */
    public static final String INTAKE_VERDICT = "paybridgeIntakeVerdict";
    /** Property: the payment id the exchange is about. */
    public static final String PAYMENT_ID = "paybridgePaymentId";
    /** Property: the {@link io.paybridge.provider.ProviderRequest} to send (re-read on every retry). */
    public static final String PROVIDER_REQUEST = "paybridgeProviderRequest";
    /** Property: the provider's name for the call in progress. */
    public static final String PROVIDER = "paybridgeProvider";
    /** Property: true when the dispatch step won the right to call the provider. */
    public static final String SEND = "paybridgeSend";
    /**
     * Property: the {@link io.paybridge.ledger.Payment} read when its send was won, reused for its
     * command and provider while the conversation goes plainly; absent once anything unusual happened.
     */
    public static final String PAYMENT = "paybridgePayment";
    /** Property: the calls made so far while starting a payment, a list of {@link io.paybridge.provider.ProviderCall}. */
    public static final String CONVERSATION = "paybridgeConversation";
    /** Property: the {@link io.paybridge.callback.CallbackReply} to answer a callback with. */
    public static final String CALLBACK_REPLY = "paybridgeCallbackReply";
    /** Property: true when a callback must be confirmed through the provider's status API first. */
    public static final String CONFIRM = "paybridgeConfirm";
    /** Property: a {@link io.paybridge.dispatch.ProviderFailure} when a provider call got no answer to interpret. */
    public static final String PROVIDER_FAILURE = "paybridgeProviderFailure";
    /** Property: the provider's answer as a {@link io.paybridge.provider.ProviderResponse}. */
    public static final String PROVIDER_RESPONSE = "paybridgeProviderResponse";
    /** Property: which lookup of a payment whose answer was lost the next call is ("query", "idempotent-resend"), or absent. */
    public static final String LOST_ANSWER = "paybridgeLostAnswer";
    /** Property: milliseconds the dispatch loop waits before its next provider call (a lookup gives the provider time to record). */
    public static final String WAIT_MS = "paybridgeWaitMs";
    /** Property: true when reconciliation hands a payment whose answer was lost to the dispatcher's lookup. */
    public static final String RECOVER = "paybridgeRecover";

    /** Property: the {@link io.paybridge.model.Outcome} just applied, which a follow-up call may act on. */
    public static final String OUTCOME = "paybridgeOutcome";
    /** Property: the provider whose concurrency slot ({@link io.paybridge.dispatch.CallSlots}) this exchange holds. */
    public static final String CALL_SLOT = "paybridgeCallSlot";

    /** Property: where the inbox consumer moves the file it is processing ({@code done/…} or {@code failed/…}). */
    public static final String BATCH_MOVE_TO = "paybridgeBatchMoveTo";

    /** DLQ record header: the error class ({@code invalid-input}, {@code conflict}, …). */
    public static final String DLQ_ERROR_CLASS = "paybridge_error_class";
    /** DLQ record header: a readable summary of every problem found. */
    public static final String DLQ_ERROR = "paybridge_error";
    /** DLQ record header: the first offending field (dotted path). */
    public static final String DLQ_FIELD = "paybridge_error_field";
    /** DLQ record header: the rule that field broke. */
    public static final String DLQ_RULE = "paybridge_error_rule";
    /** DLQ record header: every violation as a JSON array of {field, rule, message}. */
    public static final String DLQ_VIOLATIONS = "paybridge_violations";
    /** DLQ record header: topic the record was read from. */
    public static final String DLQ_ORIGINAL_TOPIC = "paybridge_original_topic";
    /** DLQ record header: partition the record was read from. */
    public static final String DLQ_ORIGINAL_PARTITION = "paybridge_original_partition";
    /** DLQ record header: offset the record was read from. */
    public static final String DLQ_ORIGINAL_OFFSET = "paybridge_original_offset";
    /** DLQ record header: how many times the record was processed before it landed here (1 for invalid input). */
    public static final String DLQ_ATTEMPTS = "paybridge_attempts";
    /** DLQ record header: when it landed here (ISO-8601, UTC). */
    public static final String DLQ_FAILED_AT = "paybridge_failed_at";
    /** DLQ record header: on a replayed record that failed again, the DLQ record it was replayed from ({@code topic/partition/offset}). */
    public static final String DLQ_REPLAY_OF = "paybridge_replay_of";

    /** Property: processing attempts so far of a record taken back from the DLQ (its {@link #DLQ_ATTEMPTS}). */
    public static final String ATTEMPTS = "paybridgeAttempts";
    /** Property: the {@link io.paybridge.intake.DlqReplay.Item} a replay step is working on. */
    public static final String REPLAY_ITEM = "paybridgeReplayItem";
    /** Property: true when a DLQ record is to go through intake again (false: already replayed, or not found). */
    public static final String REPLAYING = "paybridgeReplaying";

    private ExchangeKeys() {
    }
}
