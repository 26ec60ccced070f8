package io.cexsafe.cli;

/**
 * When logging starts: only once something logs. A command that logs nothing (such as {@code
 * methodology}, {@code exchanges}, {@code por verify}) loads neither SLF4J's factory nor logback.
 * This class names no SLF4J or logback type in its signatures, so using it loads none of them.
 *
 * <p>The launcher names {@link CliLoggingProvider} as SLF4J's provider ({@link #select}); with it,
 * the levels {@code --verbose} asks for wait until logging starts. With any other provider (tests,
 * an embedding, a user's choice) they are set at once, as before.
 */
final class LoggingStart {
  /** The SLF4J (2.0.9 and later) system property that names the provider to use. */
  static final String PROVIDER_PROPERTY = "slf4j.provider";

  /** The SLF4J property for its own messages, such as the one naming an explicit provider. */
  static final String REPORT_VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

  /** {@link CliLoggingProvider}'s name, spelled out so that naming it loads nothing. */
  static final String PROVIDER = "io.cexsafe.cli.CliLoggingProvider";

  private static final Object LOCK = new Object();

  /** Set once {@link CliLoggingProvider} has started logging. */
  private static boolean started;

  /** The --verbose of levels asked for before {@link CliLoggingProvider} started logging. */
  private static Boolean pendingVerbose;

  /** Set once a command put its run id in the logging context or switched to JSON lines. */
  private static volatile boolean touched;

  private LoggingStart() {}

  /**
   * Names {@link CliLoggingProvider} to SLF4J unless the user named a provider: SLF4J then scans no
   * service files. SLF4J's notice that it uses a named provider is silenced with it (its warnings
   * and errors still show), unless the user set that verbosity. Must run before anything logs.
   */
  static void select() {
    if (System.getProperty(PROVIDER_PROPERTY) == null) {
      System.setProperty(PROVIDER_PROPERTY, PROVIDER);
      if (System.getProperty(REPORT_VERBOSITY_PROPERTY) == null) {
        System.setProperty(REPORT_VERBOSITY_PROPERTY, "WARN");
      }
    }
  }

  /** Whether SLF4J uses, or will use, {@link CliLoggingProvider} in this process. */
  static boolean selected() {
    return PROVIDER.equals(System.getProperty(PROVIDER_PROPERTY));
  }

  /**
   * Sets the log levels for {@code --verbose} (or its absence): now, or when {@link
   * CliLoggingProvider} starts logging if it has not yet.
   */
  static void setLevels(boolean verbose) {
    synchronized (LOCK) {
      if (!started && selected()) {
        pendingVerbose = verbose;
        return;
      }
    }
    LogbackSetup.setLevels(verbose);
  }

  /**
   * Whether {@code --verbose} asked for levels below {@code WARN} that wait for logging to start
   * (see {@link DeferredLogging}).
   */
  static boolean verboseAsked() {
    synchronized (LOCK) {
      return Boolean.TRUE.equals(pendingVerbose);
    }
  }

  /**
   * Called by {@link CliLoggingProvider} once logback is configured, with a way to set levels on
   * its context: sets those asked for before.
   */
  static void started(java.util.function.Consumer<Boolean> levels) {
    synchronized (LOCK) {
      started = true;
      if (pendingVerbose != null) {
        levels.accept(pendingVerbose);
        pendingVerbose = null;
      }
    }
  }

  /** Switches this process's log lines to JSON (see {@link LogbackSetup#useJsonLines()}). */
  static void useJsonLines() {
    touched = true;
    LogbackSetup.useJsonLines();
  }

  /** Notes that logging state was changed that {@link #clear} must undo. */
  static void touch() {
    touched = true;
  }

  /** Puts the run id in the logging context, for every log line of this command. */
  static void putRunId(String runId) {
    touched = true;
    org.slf4j.MDC.put(io.cexsafe.Assessor.MDC_RUN_ID, runId);
  }

  /**
   * Undoes {@link #putRunId} and {@link #useJsonLines} for the next command line of this process,
   * without starting logging when no command started it.
   */
  static void clear() {
    if (touched) {
      org.slf4j.MDC.remove(io.cexsafe.Assessor.MDC_RUN_ID);
      LogbackSetup.useTextLines();
    }
  }
}
