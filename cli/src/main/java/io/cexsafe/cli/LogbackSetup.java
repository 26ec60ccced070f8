package io.cexsafe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * The CLI's logging, set up in code: warnings and errors to stderr, so stdout stays a clean report.
 * Logback finds this class through {@code META-INF/services} before it looks for configuration
 * files, which saves the XML parser and configuration model (about 500 classes) on every run.
 *
 * <p>A configuration the user or a test asks for still wins: with {@value #CONFIG_FILE_PROPERTY}
 * set, or a {@value #TEST_CONFIG} on the class path, this class steps aside and logback reads that
 * file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {
  static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";
  static final String TEST_CONFIG = "logback-test.xml";
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

  private final BooleanSupplier configurationFileAsked;

  /** The instance logback creates; steps aside when a configuration file is asked for. */
  public LogbackSetup() {
    this(
        () ->
            System.getProperty(CONFIG_FILE_PROPERTY) != null
                || LogbackSetup.class.getClassLoader().getResource(TEST_CONFIG) != null);
  }

  LogbackSetup(BooleanSupplier configurationFileAsked) {
    this.configurationFileAsked = configurationFileAsked;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (configurationFileAsked.getAsBoolean()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();

    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    // OkHttp stays quiet even under --verbose, which lowers the root level to DEBUG
    context.getLogger("okhttp3").setLevel(Level.WARN);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
