package io.paybridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInspectionTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsIdentifiedByTheSha256OfItsBytesAndItsRowsAreCounted() throws Exception {
        byte[] bytes = "\uFEFFreference;amount;currency;country\r\nA;1;KES;KE\r\n\r\nB;2;KES;KE\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("a.csv"), bytes);
        FileInspection inspected = FileInspection.inspect(file, null);
        assertThat(inspected.usable()).isTrue();
        assertThat(inspected.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(inspected.sizeBytes()).isEqualTo(bytes.length);
        assertThat(inspected.delimiter()).isEqualTo(';');
        assertThat(inspected.rowsTotal()).isEqualTo(2);
    }

    @Test
    void theHashCoversTheWholeFileEvenWhenItIsRefusedAtTheHeader() throws Exception {
        byte[] bytes = ("nonsense,header\n" + "x,y\n".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("b.csv"), bytes);
        FileInspection inspected = FileInspection.inspect(file, null);
        assertThat(inspected.usable()).isFalse();
        assertThat(inspected.problemRule()).isEqualTo("header");
        assertThat(inspected.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void bytesThatAreNotUtf8RefuseTheFile() throws Exception {
        Path file = Files.write(dir.resolve("c.csv"),
                "reference,amount,currency,country,name\nA,1,KES,KE,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        FileInspection inspected = FileInspection.inspect(file, null);
        assertThat(inspected.problemRule()).isEqualTo("encoding");
        assertThat(inspected.problemLine()).isEqualTo(2);
        assertThat(inspected.problem()).startsWith("the file is not UTF-8 text (line 2: ").endsWith("; nothing in it was paid");
    }
}
