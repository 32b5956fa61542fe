package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gateway's countries as data ({@code providers/bitlipa-catalog.json}, transcribed from
 * bitlipa.txt): currency, phone format, limits, and per operator its provider ids, the C2B flow
 * and the {@code extra} fields each operation needs. Loaded once; immutable afterwards.
 */
public record BitlipaCatalog(List<String> docTypes, TestProvider testProvider, Map<String, Country> countries) {
    static final String RESOURCE = "providers/bitlipa-catalog.json";

    /** How the customer completes a C2B payment with an operator. */
    public enum C2bFlow {
        /** A USSD/SMS prompt on the customer's phone. */
        APPROVE_ON_PHONE,
        /** A confirmation page whose link the status method returns in {@code extra.customer_redirect}. */
        REDIRECT_VIA_STATUS,
        /** The C2B answer's {@code extra} holds a bank account to transfer to. */
        BANK_DETAILS,
        /** Only through the hosted payment page, not the API. */
        HOSTED_PAGE_ONLY;

        static C2bFlow parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TestProvider(@JsonProperty("id") int id, @JsonProperty("name") String name) {
    }

    /** {@code form}: international (dial code + number), national-0 (0 + number) or national. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhoneFormat(@JsonProperty("dial_code") String dialCode, @JsonProperty("digits") List<Integer> digits,
                              @JsonProperty("form") String form, @JsonProperty("example") String example) {
    }

    /** {@code max} null means the document says "No Limit" (or gives none). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Limits(@JsonProperty("c2b_min") BigDecimal c2bMin, @JsonProperty("b2c_min") BigDecimal b2cMin,
                         @JsonProperty("max") BigDecimal max) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Operation(@JsonProperty("flow") String flow, @JsonProperty("extra") List<String> extra,
                            @JsonProperty("optional") List<String> optional) {
        public Operation {
            extra = extra == null ? List.of() : List.copyOf(extra);
            optional = optional == null ? List.of() : List.copyOf(optional);
        }

        public C2bFlow c2bFlow() {
            return flow == null ? C2bFlow.APPROVE_ON_PHONE : C2bFlow.parse(flow);
        }
    }

    /** One row (or group of rows) of a country's provider table. {@code key} names the operator for routing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(@JsonProperty("key") String key, @JsonProperty("name") String name,
                          @JsonProperty("ids") List<Integer> ids, @JsonProperty("bank") boolean bank,
                          @JsonProperty("phone") PhoneFormat phone, @JsonProperty("prefixes") List<String> prefixes,
                          @JsonProperty("c2b") Operation c2b, @JsonProperty("b2c") Operation b2c) {
        public Channel {
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
            ids = List.copyOf(ids);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Country(@JsonProperty("name") String name, @JsonProperty("currency") String currency,
                          @JsonProperty("phone") PhoneFormat phone, @JsonProperty("limits") Limits limits,
                          @JsonProperty("operators") List<Channel> operators) {

        /** The channel holding this provider id, if the country has it. */
        public Optional<Channel> channel(int providerId) {
            return operators.stream().filter(c -> c.ids().contains(providerId)).findFirst();
        }

        /** The phone format for a channel: its own form/example where it has one, the country's otherwise. */
        public PhoneFormat phoneFor(Channel channel) {
            PhoneFormat own = channel.phone();
            if (own == null) {
                return phone;
            }
            return new PhoneFormat(phone.dialCode(), own.digits() != null ? own.digits() : phone.digits(),
                    own.form() != null ? own.form() : phone.form(), own.example() != null ? own.example() : phone.example());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(@JsonProperty("doc_types") List<String> docTypes, @JsonProperty("test_provider") TestProvider testProvider,
                        @JsonProperty("countries") Map<String, Country> countries) {
    }

    /** Loads the catalog shipped with the bundle. */
    public static BitlipaCatalog load(ObjectMapper json) {
        try (InputStream in = BitlipaCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            File file = json.readValue(in, File.class);
            return new BitlipaCatalog(List.copyOf(file.docTypes()), file.testProvider(), new TreeMap<>(file.countries()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Optional<Country> country(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(countries.get(code));
    }
}
