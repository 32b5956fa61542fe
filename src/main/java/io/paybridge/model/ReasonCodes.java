package io.paybridge.model;

/** Canonical reason codes shared by every provider, so an ERP branches on one vocabulary. */
public final class ReasonCodes {
    /** The command broke a rule of the contract or of the provider; it was not sent. */
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    /** The phone number is not one the provider can pay or charge. */
    public static final String INVALID_PHONE = "INVALID_PHONE";
    /** The provider refused our credentials. */
    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    /** The merchant account or the product is not active at the provider. */
    public static final String ACCOUNT_INACTIVE = "ACCOUNT_INACTIVE";
    /** The merchant's float or wallet at the provider is too low for the payout. */
    public static final String INSUFFICIENT_FLOAT = "INSUFFICIENT_FLOAT";
    /** The provider's own service fee could not be paid from the merchant's prepaid balance. */
    public static final String PROVIDER_FEE_UNPAID = "PROVIDER_FEE_UNPAID";
    /** The provider already holds a payment with our reference: the outcome must come from it. */
    public static final String DUPLICATE_REFERENCE = "DUPLICATE_REFERENCE";
    /** The customer declined or cancelled. */
    public static final String CUSTOMER_DECLINED = "CUSTOMER_DECLINED";
    /** The provider or the network behind it declined the payment. */
    public static final String DECLINED = "DECLINED";
    /** The provider was unavailable (5xx before accepting, 429) after our retries; nothing was accepted. */
    public static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    /** The provider could not be reached at all; the request never left. */
    public static final String PROVIDER_UNREACHABLE = "PROVIDER_UNREACHABLE";
    /** The provider failed after it may have accepted; its status decides. */
    public static final String PROVIDER_ERROR = "PROVIDER_ERROR";
    /** The request was sent but no answer came: the provider may or may not hold the payment. */
    public static final String AMBIGUOUS_OUTCOME = "AMBIGUOUS_OUTCOME";
    /** A lookup by our reference proved the provider never received the payment (it may be sent once more). */
    public static final String UNKNOWN_TO_PROVIDER = "UNKNOWN_TO_PROVIDER";
    /** The payment was sent twice (the first answer lost, the provider not knowing it) and still has no outcome. */
    public static final String RESEND_EXHAUSTED = "RESEND_EXHAUSTED";
    /** The sender the provider requires (KYC) is not approved, so no transaction was created. */
    public static final String SENDER_NOT_APPROVED = "SENDER_NOT_APPROVED";
    /** The provider answered something this bundle does not recognise. */
    public static final String UNKNOWN_PROVIDER_STATUS = "UNKNOWN_PROVIDER_STATUS";

    private ReasonCodes() {
    }
}
