package io.paybridge.provider;

/** The verdict on a callback's authenticity; {@code failure} names why, never echoes secrets. */
public record Verification(boolean valid, String failure) {
    private static final Verification OK = new Verification(true, null);

    public static Verification ok() {
        return OK;
    }

    public static Verification rejected(String failure) {
        return new Verification(false, failure);
    }
}
