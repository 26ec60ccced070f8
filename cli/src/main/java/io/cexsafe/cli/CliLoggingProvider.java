package io.cexsafe.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusListenerConfigHelper;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider the CLI names through the {@code slf4j.provider} system property ({@link
 * Main#main} sets it unless the user did, see {@link LoggingStart#select}), so that SLF4J scans no
 * service files. It starts logback with {@link LogbackSetup} directly, without logback's
 * configurator service scan and ranking; when a configuration file is asked for ({@code
 * -Dlogback.configurationFile} or a {@code logback-test.xml}) it hands everything to logback's own
 * provider, which reads that file as usual.
 *
 * <p>Log levels that {@code --verbose} asked for before logging started are applied here, once
 * logback is configured (see {@link LoggingStart#setLevels}).
 */
public final class CliLoggingProvider implements SLF4JServiceProvider {
  private volatile LoggerContext context;
  private DeferredLogging deferred;
  private IMarkerFactory markerFactory;
  private MDCAdapter mdcAdapter;

  /** The instance SLF4J creates when {@code slf4j.provider} names this class. */
  public CliLoggingProvider() {}

  @Override
  public void initialize() {
    if (LogbackSetup.configurationFileAsked()) {
      LogbackServiceProvider logback = new LogbackServiceProvider();
      logback.initialize();
      context = (LoggerContext) logback.getLoggerFactory();
      markerFactory = logback.getMarkerFactory();
      mdcAdapter = logback.getMDCAdapter();
      LoggerContext started = context;
      LoggingStart.started(verbose -> LogbackSetup.setLevels(started, verbose));
    } else {
      LogbackMDCAdapter mdc = new LogbackMDCAdapter();
      mdcAdapter = mdc;
      markerFactory = new BasicMarkerFactory();
      deferred = new DeferredLogging(() -> startLogback(mdc));
    }
  }

  /**
   * What logback's provider and ContextInitializer do, less the scans: the only configurator is
   * {@link LogbackSetup}, which configures everything itself. Runs when the first line could be
   * written (see {@link DeferredLogging}).
   */
  private LoggerContext startLogback(LogbackMDCAdapter mdc) {
    LoggerContext started = new LoggerContext();
    started.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
    started.setMDCAdapter(mdc);
    StatusListenerConfigHelper.installIfAsked(started);
    LogbackSetup setup = new LogbackSetup(() -> false);
    setup.setContext(started);
    setup.configure(started);
    started.start();
    if (!StatusUtil.contextHasStatusListener(started)) {
      StatusPrinter.printInCaseOfErrorsOrWarnings(started);
    }
    LoggingStart.started(verbose -> LogbackSetup.setLevels(started, verbose));
    context = started;
    return started;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    LoggerContext started = context;
    return started != null ? started : deferred;
  }

  /**
   * {@return logback's context, started now if logging was deferred}: for changes to logback's own
   * configuration, such as {@code --log-format json}
   */
  static LoggerContext startedContext(ILoggerFactory factory) {
    return factory instanceof DeferredLogging lazy
        ? lazy.context()
        : factory instanceof LoggerContext started ? started : null;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return LogbackServiceProvider.REQUESTED_API_VERSION;
  }
}
