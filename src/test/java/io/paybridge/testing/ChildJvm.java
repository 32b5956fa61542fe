package io.paybridge.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts a main class of the test classpath in a separate JVM, output to a log file, so a test
 * can bound its heap ({@code -Xmx}) or kill it ({@link Process#destroyForcibly()}) like a crash.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static Process start(Class<?> main, List<String> jvmOptions, Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The tests' own logging (surefire names logback-test.xml) for the child too, unless it names another.
        String logging = System.getProperty("logback.configurationFile");
        if (logging != null && jvmOptions.stream().noneMatch(o -> o.startsWith("-Dlogback.configurationFile="))) {
            command.add("-Dlogback.configurationFile=" + logging);
        }
        command.add("-cp");
        command.add(classpath());
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM for " + main.getName(), e);
        }
    }

    /**
     * Surefire runs tests from a manifest-only jar; the real test classpath is in its own
     * property. Empty entries are dropped: the JVM would read one as the working directory, and
     * the project's own {@code routes/} folder would then be loaded twice.
     */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return Arrays.stream(path.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
