package io.paybridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ConsoleLoggingTest {

    @Test
    void configuresOneConsoleLineAndQuietsTheChattyLibraries() {
        String named = System.clearProperty("logback.configurationFile"); // surefire names the tests' file
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogging logging = new ConsoleLogging();
            logging.setContext(context);

            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

            ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            ConsoleAppender<ILoggingEvent> stdout = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDOUT");
            assertThat(stdout.isStarted()).isTrue();
            assertThat(((PatternLayoutEncoder) stdout.getEncoder()).getPattern()).isEqualTo(ConsoleLogging.PATTERN);
            assertThat(root.getLevel()).isEqualTo(ConsoleLogging.rootLevel(System.getenv(ConsoleLogging.LEVEL_VARIABLE)));
            assertThat(context.getLogger("org.apache.kafka.clients.consumer").getEffectiveLevel()).isEqualTo(Level.WARN);
            assertThat(context.getLogger("org.flywaydb.core").getEffectiveLevel()).isEqualTo(Level.WARN);
            assertThat(context.getLogger("com.zaxxer.hikari.pool").getEffectiveLevel()).isEqualTo(Level.WARN);
        } finally {
            if (named != null) {
                System.setProperty("logback.configurationFile", named);
            }
        }
    }

    @Test
    void aNamedFileWins() {
        LoggerContext context = new LoggerContext();
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);
        String before = System.setProperty("logback.configurationFile", "/etc/paybridge/logback.xml");
        try {
            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT")).isNull();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    @Test
    void theLevelVariableTakesAnyCaseAndFallsBackToInfo() {
        assertThat(ConsoleLogging.rootLevel("debug")).isEqualTo(Level.DEBUG);
        assertThat(ConsoleLogging.rootLevel(" WARN ")).isEqualTo(Level.WARN);
        assertThat(ConsoleLogging.rootLevel(null)).isEqualTo(Level.INFO);
        assertThat(ConsoleLogging.rootLevel("")).isEqualTo(Level.INFO);
        assertThat(ConsoleLogging.rootLevel("loud")).isEqualTo(Level.INFO);
    }

    @Test
    void logbackFindsIt() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream().map(p -> p.type().getName()))
                .contains(ConsoleLogging.class.getName());
    }
}
