package io.paybridge.batch;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Guesses a file's delimiter from its header row: whichever of ';' and ',' appears more often
 * outside quotes wins, ',' on a tie. Spreadsheets in locales with a decimal comma write ';';
 * the column names themselves never contain either.
 */
final class Delimiters {
    private static final int LIMIT = 64 * 1024;

    private Delimiters() {
    }

    /** Reads (and un-reads) the first line of {@code in}. */
    static char sniff(BufferedInputStream in) throws IOException {
        in.mark(LIMIT);
        try {
            byte[] head = in.readNBytes(LIMIT);
            return sniff(head);
        } finally {
            in.reset();
        }
    }

    static char sniff(byte[] head) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (byte b : head) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                if (commas + semicolons > 0) {
                    break; // the header row ends here (blank leading lines are passed over)
                }
            } else if (!quoted && b == ',') {
                commas++;
            } else if (!quoted && b == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
