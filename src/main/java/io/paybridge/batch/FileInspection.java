package io.paybridge.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One streaming pass over a dropped file before anything is paid: the SHA-256 of its bytes (its
 * identity), its delimiter and header, and whether it reads as CSV to the end. A file that stops
 * being readable half-way (an unclosed quote, bytes that are not UTF-8) is refused whole here,
 * instead of being half paid.
 */
record FileInspection(String sha256, long sizeBytes, char delimiter, long rowsTotal, long headerLine, String problem,
                      String problemRule, long problemLine) {

    static FileInspection inspect(Path file, Character configuredDelimiter) throws IOException {
        MessageDigest digest = newDigest();
        long size = Files.size(file);
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file), digest)) {
            CsvRows rows = null;
            long count = 0;
            try {
                rows = CsvRows.open(raw, configuredDelimiter);
                if (!rows.header().usable()) {
                    return refused(digest, raw, size, rows, rows.header().problem(), "header", rows.headerLine());
                }
                while (rows.next() != null) {
                    count++;
                }
                return new FileInspection(hex(digest, raw), size, rows.delimiter(), count, rows.headerLine(), null, null, 0);
            } catch (CharConversionException | JsonProcessingException e) {
                long line = rows == null ? 1 : rows.currentLine();
                if (notUtf8(e)) {
                    return refused(digest, raw, size, rows, "the file is not UTF-8 text (line " + line + ": " + message(e)
                            + "); save it as CSV UTF-8 and drop it again; nothing in it was paid", "encoding", line);
                }
                return refused(digest, raw, size, rows, "the file is not readable as CSV from line " + line + ": " + message(e)
                        + "; nothing in it was paid", "csv", line);
            }
        }
    }

    boolean usable() {
        return problem == null;
    }

    private static FileInspection refused(MessageDigest digest, InputStream raw, long size, CsvRows rows, String problem,
                                          String rule, long line) throws IOException {
        char delimiter = rows == null ? ',' : rows.delimiter();
        return new FileInspection(hex(digest, raw), size, delimiter, 0, rows == null ? 1 : rows.headerLine(), problem, rule, line);
    }

    /** Jackson reports bad UTF-8 as a CharConversionException or, mid-record, as a parse error naming UTF-8. */
    private static boolean notUtf8(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException || String.valueOf(t.getMessage()).contains("UTF-8")) {
                return true;
            }
        }
        return false;
    }

    private static String message(IOException e) {
        String text = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text.strip();
    }

    /** The digest of the whole file: whatever the parser left unread is read here. */
    private static String hex(MessageDigest digest, InputStream raw) throws IOException {
        raw.transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
