package io.cexsafe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's logging, set up in code: warnings and errors to stderr, so stdout stays a clean report.
 * Logback finds this class through {@code META-INF/services} before it looks for configuration
 * files, which saves the XML parser and configuration model (about 500 classes) on every run.
 *
 * <p>A configuration the user or a test asks for still wins: with {@value #CONFIG_FILE_PROPERTY}
 * set, or a {@value #TEST_CONFIG} on the class path, this class steps aside and logback reads that
 * file as usual.
 *
 * <p>{@code --log-format json} swaps the stderr appender's encoder for logback's {@link
 * JsonEncoder} (one JSON object per line, with the MDC: run id, exchange, collector); the encoder
 * is loaded only then, so text logging pays nothing for it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {
  static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";
  static final String TEST_CONFIG = "logback-test.xml";
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

  /** Named apart from a user's "STDERR" appender, which --log-format must leave alone. */
  static final String APPENDER = "CEXSAFE_STDERR";

  private static Encoder<ILoggingEvent> textEncoder;

  private final BooleanSupplier configurationFileAsked;

  /** The instance logback creates; steps aside when a configuration file is asked for. */
  public LogbackSetup() {
    this(LogbackSetup::configurationFileAsked);
  }

  /** Whether the user or a test asks for a configuration file, which then wins over this class. */
  static boolean configurationFileAsked() {
    return System.getProperty(CONFIG_FILE_PROPERTY) != null
        || LogbackSetup.class.getClassLoader().getResource(TEST_CONFIG) != null;
  }

  LogbackSetup(BooleanSupplier configurationFileAsked) {
    this.configurationFileAsked = configurationFileAsked;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (configurationFileAsked.getAsBoolean()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    // PATTERN's lines, written without building a PatternLayout (TextLogLayout)
    TextLogLayout layout = new TextLogLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();

    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName(APPENDER);
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

  /** Sets the log levels for {@code --verbose} (or its absence) now (see {@link LoggingStart}). */
  static void setLevels(boolean verbose) {
    setLevels(
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME),
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(io.cexsafe.Assessor.class),
        verbose);
  }

  /**
   * Sets the log levels on {@code context} itself: for {@link CliLoggingProvider}, while SLF4J's
   * LoggerFactory is still starting.
   */
  static void setLevels(LoggerContext context, boolean verbose) {
    setLevels(
        context.getLogger(Logger.ROOT_LOGGER_NAME),
        context.getLogger(io.cexsafe.Assessor.class),
        verbose);
  }

  private static void setLevels(
      ch.qos.logback.classic.Logger root, ch.qos.logback.classic.Logger outcomes, boolean verbose) {
    root.setLevel(verbose ? Level.DEBUG : Level.WARN);
    // a failed collector's WARN line names the logger (a Java class): plain runs show the one-line
    // summary instead; --verbose and --log-format json show the WARN line
    outcomes.setLevel(verbose || writesJsonLines() ? null : Level.ERROR);
  }

  /**
   * Switches the stderr log lines of this process to JSON lines. Does nothing when logging is not
   * this class's (a configuration file was asked for, or another SLF4J provider is in use): the
   * user's configuration wins.
   *
   * @return whether the lines are now JSON
   */
  static synchronized boolean useJsonLines() {
    LoggerContext context = CliLoggingProvider.startedContext(LoggerFactory.getILoggerFactory());
    return context != null && useJsonLines(context);
  }

  static synchronized boolean useJsonLines(LoggerContext context) {
    OutputStreamAppender<ILoggingEvent> stderr = ourAppender(context);
    if (stderr == null) {
      return false;
    }
    if (stderr.getEncoder() instanceof JsonEncoder) {
      return true;
    }
    JsonEncoder json = new JsonEncoder();
    json.setContext(context);
    // a line a log shipper reads at a glance: when, how bad, who, what, and the MDC
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    json.setWithArguments(false);
    json.setWithMessage(false);
    json.setWithFormattedMessage(true);
    json.start();
    textEncoder = stderr.getEncoder();
    LoggingStart.touch();
    swap(stderr, json);
    return true;
  }

  /** Whether {@link #useJsonLines} switched this process's log lines to JSON. */
  static synchronized boolean writesJsonLines() {
    return textEncoder != null;
  }

  /** Back to text lines after {@link #useJsonLines}: for a process that runs several commands. */
  static synchronized void useTextLines() {
    if (textEncoder != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      OutputStreamAppender<ILoggingEvent> stderr = ourAppender(context);
      if (stderr != null) {
        swap(stderr, textEncoder);
      }
      textEncoder = null;
    }
  }

  private static OutputStreamAppender<ILoggingEvent> ourAppender(LoggerContext context) {
    Appender<ILoggingEvent> appender =
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    return appender instanceof OutputStreamAppender<ILoggingEvent> stream ? stream : null;
  }

  private static void swap(
      OutputStreamAppender<ILoggingEvent> appender, Encoder<ILoggingEvent> encoder) {
    appender.stop();
    appender.setEncoder(encoder);
    appender.start();
  }
}
