package io.paybridge.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes large payout files a row at a time (never held in memory): KES payouts to Kenyan
 * mobiles, whole shillings, references {@code <prefix>-<n>}. Phones never end in 998/999, so the
 * BluePay simulator pays every row.
 */
public final class BatchGenerator {
    private BatchGenerator() {
    }

    public static void write(Path file, String prefix, int rows) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("reference,amount,currency,country,phone,name,description\n");
            for (int i = 1; i <= rows; i++) {
                out.write(reference(prefix, i));
                out.write(',');
                out.write(Integer.toString(10 + i % 990));
                out.write(",KES,KE,07");
                out.write(String.format("%08d", (i * 7919L) % 99_000_000L + 100_000L).replace("998", "997").replace("999", "997"));
                out.write(",Payee ");
                out.write(Integer.toString(i));
                out.write(",Run ");
                out.write(prefix);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String reference(String prefix, int n) {
        return prefix + "-" + n;
    }
}
