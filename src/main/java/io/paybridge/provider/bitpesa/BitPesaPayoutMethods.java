package io.paybridge.provider.bitpesa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The payout methods BitPesa is asked to use, as data ({@code providers/bitpesa-payout-methods.json}):
 * {@code KES::Mobile}, {@code UGX::Mobile}, {@code GHS::Mobile}, {@code NGN::Bank} and whatever
 * is added there. A method is chosen by the payout currency and whether the command names a bank
 * account.
 */
record BitPesaPayoutMethods(List<Method> methods) {
    static final String RESOURCE = "providers/bitpesa-payout-methods.json";

    /** {@code kind} is {@code mobile} or {@code bank}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Method(@JsonProperty("type") String type, @JsonProperty("currency") String currency,
                  @JsonProperty("country") String country, @JsonProperty("kind") String kind,
                  @JsonProperty("dial_code") String dialCode, @JsonProperty("mobile_providers") List<String> mobileProviders,
                  @JsonProperty("default_mobile_provider") String defaultMobileProvider,
                  @JsonProperty("transfer_reason") String transferReason) {
        Method {
            mobileProviders = mobileProviders == null ? List.of() : List.copyOf(mobileProviders);
        }

        boolean isBank() {
            return "bank".equals(kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(@JsonProperty("methods") List<Method> methods) {
    }

    static BitPesaPayoutMethods load(ObjectMapper json) {
        try (InputStream in = BitPesaPayoutMethods.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new BitPesaPayoutMethods(List.copyOf(json.readValue(in, File.class).methods()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    Optional<Method> find(String currency, boolean bank) {
        return methods.stream().filter(m -> m.currency().equals(currency) && m.isBank() == bank).findFirst();
    }

    List<String> typesFor(String currency) {
        return methods.stream().filter(m -> m.currency().equals(currency)).map(Method::type).toList();
    }
}
