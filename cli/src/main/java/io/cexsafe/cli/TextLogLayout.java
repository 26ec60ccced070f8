package io.cexsafe.cli;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.util.CachingDateFormatter;

/**
 * The CLI's text log line, {@value LogbackSetup#PATTERN} plus the stack trace logback adds to a
 * pattern without one, written by hand with the pieces logback's own converters use (its time
 * formatter, logger-name abbreviator and throwable converter). The same bytes as a {@code
 * PatternLayout} of that pattern, without its start-up: building the pattern layout's table of
 * converters spins some forty lambda classes on every run.
 */
final class TextLogLayout extends LayoutBase<ILoggingEvent> {
  private final CachingDateFormatter time = new CachingDateFormatter("HH:mm:ss.SSS", null, null);
  private final TargetLengthBasedClassNameAbbreviator logger =
      new TargetLengthBasedClassNameAbbreviator(20);
  private final ThrowableProxyConverter stackTrace = new ThrowableProxyConverter();

  @Override
  public void start() {
    stackTrace.setContext(getContext());
    stackTrace.start();
    super.start();
  }

  @Override
  public void stop() {
    stackTrace.stop();
    super.stop();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    if (!isStarted()) {
      return CoreConstants.EMPTY_STRING;
    }
    StringBuilder line = new StringBuilder(128);
    line.append(time.format(event.getTimeStamp())).append(' ');
    String level = event.getLevel().toString();
    line.append(level);
    for (int pad = level.length(); pad < 5; pad++) {
      line.append(' ');
    }
    line.append(' ').append(logger.abbreviate(event.getLoggerName()));
    line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
    line.append(stackTrace.convert(event));
    return line.toString();
  }
}
