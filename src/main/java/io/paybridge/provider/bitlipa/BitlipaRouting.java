package io.paybridge.provider.bitlipa;

import com.fasterxml.jackson.databind.JsonNode;
import io.paybridge.model.PaymentCommand;
import io.paybridge.model.Violation;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Channel;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Country;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the gateway provider id for a command, in this order:
 * <ol>
 *   <li>{@code metadata.bitlipa_provider_id}: the ERP names the id (must exist in the country,
 *       or be the document's test provider 14);</li>
 *   <li>{@code metadata.operator}: an operator key of the catalog ({@code mtn}, {@code mpesa}, …);</li>
 *   <li>the country's only operator;</li>
 *   <li>for a command naming a bank account ({@code customer.account} and {@code bankCode}), the
 *       country's only bank-transfer channel;</li>
 *   <li>the phone's national-number prefix, from the catalog's indicative {@code prefixes}.</li>
 * </ol>
 * For an operator with several ids the first is taken unless {@code paybridge.bitlipa.provider-ids}
 * pins one ({@code GH.mtn=2063}).
 */
final class BitlipaRouting {
    static final String PROVIDER_ID = "bitlipa_provider_id";
    static final String OPERATOR = "operator";

    /** The gateway channel a command goes to. {@code test} marks the document's simulator provider. */
    record Selection(String countryCode, Country country, Channel channel, int providerId, boolean test) {
    }

    /** Either a selection or the violation that prevents one. */
    record Choice(Selection selection, Violation violation) {
    }

    private final BitlipaCatalog catalog;
    private final Map<String, Integer> pinned;

    BitlipaRouting(BitlipaCatalog catalog, Map<String, Integer> pinned) {
        this.catalog = catalog;
        this.pinned = pinned;
    }

    Choice choose(PaymentCommand command, String code, Country country) {
        String explicitId = metadataText(command, PROVIDER_ID);
        if (explicitId != null) {
            return byId(code, country, explicitId);
        }
        String operator = metadataText(command, OPERATOR);
        if (operator != null) {
            return byOperator(code, country, operator.trim().toLowerCase(Locale.ROOT));
        }
        Set<String> keys = keys(country);
        if (keys.size() == 1) {
            return byOperator(code, country, keys.iterator().next());
        }
        Optional<String> bank = bankChannel(command, country);
        if (bank.isPresent()) {
            return byOperator(code, country, bank.get());
        }
        Optional<String> byPrefix = byPhonePrefix(command.phone(), country);
        if (byPrefix.isPresent()) {
            return byOperator(code, country, byPrefix.get());
        }
        return refused("metadata.operator", "bitlipa." + code + ".operator", "several operators serve " + code + " "
                + keys + ": name one in metadata.operator (or the gateway id in metadata.bitlipa_provider_id)");
    }

    private Choice byId(String code, Country country, String text) {
        if (!text.matches("\\d{1,9}")) {
            return refused("metadata." + PROVIDER_ID, "bitlipa.provider-id", "'" + text + "' is not a gateway provider id");
        }
        int id = Integer.parseInt(text);
        if (catalog.testProvider() != null && id == catalog.testProvider().id()) {
            Channel test = new Channel("test", catalog.testProvider().name(), List.of(id), false, null, List.of(),
                    new BitlipaCatalog.Operation("approve-on-phone", List.of(), List.of()),
                    new BitlipaCatalog.Operation(null, List.of(), List.of()));
            return new Choice(new Selection(code, country, test, id, true), null);
        }
        return country.channel(id).map(c -> new Choice(new Selection(code, country, c, id, false), null))
                .orElseGet(() -> refused("metadata." + PROVIDER_ID, "bitlipa." + code + ".provider-id",
                        "gateway provider " + id + " does not serve " + code));
    }

    private Choice byOperator(String code, Country country, String key) {
        List<Channel> channels = country.operators().stream().filter(c -> c.key().equals(key)).toList();
        if (channels.isEmpty()) {
            return refused("metadata.operator", "bitlipa." + code + ".operator", "operator '" + key + "' is not served in "
                    + code + "; known: " + keys(country));
        }
        Integer pin = pinned.get(code + "." + key);
        if (pin != null) {
            return channels.stream().filter(c -> c.ids().contains(pin)).findFirst()
                    .map(c -> new Choice(new Selection(code, country, c, pin, false), null))
                    .orElseGet(() -> refused("metadata.operator", "bitlipa." + code + ".provider-id", "paybridge.bitlipa.provider-ids "
                            + "pins " + code + "." + key + "=" + pin + ", which is not one of the operator's ids"));
        }
        Channel first = channels.get(0);
        return new Choice(new Selection(code, country, first, first.ids().get(0), false), null);
    }

    private static Optional<String> byPhonePrefix(String e164, Country country) {
        String dial = "+" + country.phone().dialCode();
        if (e164 == null || !e164.startsWith(dial)) {
            return Optional.empty();
        }
        String national = e164.substring(dial.length());
        Set<String> matches = new LinkedHashSet<>();
        for (Channel channel : country.operators()) {
            if (channel.prefixes().stream().anyMatch(national::startsWith)) {
                matches.add(channel.key());
            }
        }
        return matches.size() == 1 ? Optional.of(matches.iterator().next()) : Optional.empty();
    }

    private static Optional<String> bankChannel(PaymentCommand command, Country country) {
        var customer = command.customer();
        if (customer == null || customer.account() == null || customer.bankCode() == null) {
            return Optional.empty();
        }
        Set<String> banks = new LinkedHashSet<>();
        country.operators().stream().filter(Channel::bank).forEach(c -> banks.add(c.key()));
        return banks.size() == 1 ? Optional.of(banks.iterator().next()) : Optional.empty();
    }

    private static Set<String> keys(Country country) {
        Set<String> keys = new LinkedHashSet<>();
        country.operators().forEach(c -> keys.add(c.key()));
        return keys;
    }

    private static String metadataText(PaymentCommand command, String field) {
        JsonNode value = command.metadata() == null ? null : command.metadata().get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
    }

    private static Choice refused(String field, String rule, String message) {
        return new Choice(null, new Violation(field, rule, message));
    }
}
