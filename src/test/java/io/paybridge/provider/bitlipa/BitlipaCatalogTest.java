package io.paybridge.provider.bitlipa;

import static org.assertj.core.api.Assertions.assertThat;

import io.paybridge.config.Json;
import io.paybridge.provider.bitlipa.BitlipaCatalog.C2bFlow;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Channel;
import io.paybridge.provider.bitlipa.BitlipaCatalog.Country;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalog against the document itself (a verbatim copy of bitlipa.txt in the test fixtures).
 * The document lists each country as: provider table, phone format, notes, limit table. This test
 * walks it in that order and, for every country block, finds the one catalog country holding all
 * its provider ids, then checks currency, limits, phone example and the notes it can recognise.
 */
class BitlipaCatalogTest {
    private static final Pattern PROVIDER_ROW = Pattern.compile("^\\| ([0-9][0-9, ]*) \\| ([^|]+)\\|");
    private static final Pattern PHONE_LINE = Pattern.compile("^(\\d{9,13}) - This is the format");
    private static final Pattern LIMIT_ROW = Pattern.compile("^\\| ([A-Z]{3}) ([0-9. ]+) \\| [A-Z]{3} ([0-9. ]+) \\|(?: ([A-Z]{3} [0-9. ]+|No Limit) \\|)?\\s*$");

    private final BitlipaCatalog catalog = BitlipaCatalog.load(Json.newMapper());

    /** One country of the document; {@code notes} also holds text after its limit table (the DRC's note sits there). */
    record Block(Set<Integer> ids, String phone, String currency, BigDecimal c2bMin, BigDecimal b2cMin, BigDecimal max,
                 StringBuilder notes) {
    }

    static List<Block> documentBlocks() throws Exception {
        String text;
        try (InputStream in = BitlipaCatalogTest.class.getResourceAsStream("/fixtures/bitlipa/bitlipa-document.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Block> blocks = new ArrayList<>();
        Set<Integer> ids = new LinkedHashSet<>();
        String phone = null;
        StringBuilder notes = new StringBuilder();
        boolean providerTable = false; // rows count only under a "| Provider ID |" header (not the status-code tables)
        for (String line : text.split("\n")) {
            if (line.startsWith("| Provider ID")) {
                notes = new StringBuilder(); // a new country starts; text before belonged to the previous one
            }
            providerTable = line.startsWith("| Provider ID") || providerTable && line.startsWith("|");
            Matcher provider = PROVIDER_ROW.matcher(line);
            Matcher phoneLine = PHONE_LINE.matcher(line);
            Matcher limit = LIMIT_ROW.matcher(line);
            if (providerTable && provider.find()) {
                for (String id : provider.group(1).split(",")) {
                    ids.add(Integer.parseInt(id.trim()));
                }
            } else if (phoneLine.find()) {
                phone = phoneLine.group(1);
            } else if (limit.matches()) {
                String max = limit.group(4);
                BigDecimal maxValue = max == null || max.equals("No Limit") ? null : amount(max.substring(4));
                blocks.add(new Block(Set.copyOf(ids), phone, limit.group(1), amount(limit.group(2)), amount(limit.group(3)), maxValue,
                        notes));
                ids.clear();
                phone = null;
            } else {
                notes.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text.replace(" ", ""));
    }

    @Test
    void everyCountryOfTheDocumentIsInTheCatalog() throws Exception {
        List<Block> blocks = documentBlocks();
        assertThat(blocks).hasSize(18);
        Set<String> matched = new LinkedHashSet<>();
        for (Block block : blocks) {
            Set<Integer> ids = new LinkedHashSet<>(block.ids());
            ids.remove(catalog.testProvider().id());
            List<Map.Entry<String, Country>> holders = catalog.countries().entrySet().stream()
                    .filter(e -> ids.stream().allMatch(id -> e.getValue().channel(id).isPresent())).toList();
            assertThat(holders).as("catalog country holding provider ids %s", ids).hasSize(1);
            String code = holders.get(0).getKey();
            Country country = holders.get(0).getValue();
            matched.add(code);
            assertThat(country.currency()).as(code + " currency").isEqualTo(block.currency());
            assertThat(country.limits().c2bMin()).as(code + " c2b min").isEqualByComparingTo(block.c2bMin());
            assertThat(country.limits().b2cMin()).as(code + " b2c min").isEqualByComparingTo(block.b2cMin());
            if (block.max() == null) {
                assertThat(country.limits().max()).as(code + " max").isNull();
            } else {
                assertThat(country.limits().max()).as(code + " max").isEqualByComparingTo(block.max());
            }
            if (block.phone() != null) {
                assertThat(country.phone().example()).as(code + " phone example").isEqualTo(block.phone());
                assertThat(block.phone()).startsWith(country.phone().dialCode());
            }
            assertThat(country.operators().stream().flatMap(c -> c.ids().stream()).toList()).as(code + " ids")
                    .containsExactlyInAnyOrderElementsOf(ids);
            checkNotes(code, country, block.notes().toString());
        }
        assertThat(matched).containsExactlyInAnyOrderElementsOf(catalog.countries().keySet());
    }

    private static void checkNotes(String code, Country country, String notes) {
        if (notes.contains("extra->customer_redirect")) {
            assertThat(country.operators()).as(code + " redirect flow")
                    .allMatch(c -> c.c2b().c2bFlow() == C2bFlow.REDIRECT_VIA_STATUS);
        }
        if (notes.contains("customer_doc_type")) {
            assertThat(country.operators()).as(code + " document type for some B2C provider")
                    .anyMatch(c -> c.b2c().extra().containsAll(List.of("customer_doc_type", "customer_doc_number")));
        }
        if (notes.contains("For B2C payments you should send a customer full name")
                || notes.contains("For B2C payments, you should send a customer full name")) {
            assertThat(country.operators()).as(code + " B2C name").allMatch(c -> c.b2c().extra().contains("customer_name"));
        }
        if (notes.contains("C2B payments you should send a customer full name and customer email")) {
            assertThat(country.operators()).as(code + " C2B name and email")
                    .allMatch(c -> c.c2b().extra().containsAll(List.of("customer_name", "customer_email")));
        }
        if (notes.contains("no need to pass extra parameters") && !notes.contains("B2C payments, you should send")) {
            assertThat(country.operators()).as(code + " standard flow").allMatch(c -> c.c2b().extra().isEmpty() && c.b2c().extra().isEmpty());
        }
    }

    @Test
    void operatorSpecificRulesOfTheDocument() {
        Country ke = catalog.countries().get("KE");
        assertThat(ke.channel(199).orElseThrow().b2c().extra()).contains("customer_doc_type", "customer_doc_number");
        assertThat(ke.channel(347).orElseThrow().b2c().extra()).containsExactly("customer_name");
        Country tz = catalog.countries().get("TZ");
        for (int id : List.of(206, 207, 208, 209)) {
            assertThat(tz.channel(id).orElseThrow().b2c().extra()).contains("customer_doc_type", "customer_doc_number");
        }
        assertThat(tz.channel(2007).orElseThrow().b2c().extra()).doesNotContain("customer_doc_type");
        Country cm = catalog.countries().get("CM");
        assertThat(cm.channel(191).orElseThrow().c2b().extra()).containsExactly("customer_email");
        assertThat(cm.channel(658).orElseThrow().c2b().extra()).containsExactly("customer_name");
        Country cd = catalog.countries().get("CD");
        assertThat(cd.phoneFor(cd.channel(2079).orElseThrow()).example()).isEqualTo("0800000000");
        assertThat(cd.phoneFor(cd.channel(2078).orElseThrow()).form()).isEqualTo("national");
        Channel ng = catalog.countries().get("NG").channel(5008).orElseThrow();
        assertThat(ng.c2b().c2bFlow()).isEqualTo(C2bFlow.BANK_DETAILS);
        assertThat(ng.b2c().extra()).containsExactly("customer_name", "bank_code");
        assertThat(catalog.countries().get("NG").channel(5010).orElseThrow().c2b().c2bFlow()).isEqualTo(C2bFlow.HOSTED_PAGE_ONLY);
        assertThat(catalog.countries().get("ZA").channel(5012).orElseThrow().b2c().optional())
                .contains("customer_email", "customer_phone", "customer_address");
        assertThat(catalog.docTypes()).containsExactly("intl_passport", "driving_license", "national_id");
    }
}
