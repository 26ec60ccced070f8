package io.cexsafe.cli;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Loggers that start logback only when a line could be written. Until then a level below {@code
 * WARN} answers "disabled" without logback: the CLI's own configuration ({@link LogbackSetup})
 * enables nothing below {@code WARN} unless {@code --verbose} asked for it (then any call starts
 * logback). A call at {@code WARN} or above, or any call once logback runs, goes to logback's own
 * logger of that name, so what is written, and when, is what logback alone would do.
 *
 * <p>A command that logs nothing at the active level (an offline assessment, whose registry writes
 * one {@code DEBUG} line and whose collectors put their ids in the MDC) so never starts logback.
 */
final class DeferredLogging implements ILoggerFactory {
  private final Supplier<LoggerContext> start;
  private final ConcurrentMap<String, Deferred> loggers = new ConcurrentHashMap<>();
  private volatile LoggerContext context;

  /**
   * @param start configures and starts logback, once: called under this factory's lock
   */
  DeferredLogging(Supplier<LoggerContext> start) {
    this.start = start;
  }

  @Override
  public Logger getLogger(String name) {
    LoggerContext started = context;
    if (started != null) {
      return started.getLogger(name);
    }
    return loggers.computeIfAbsent(name, Deferred::new);
  }

  /** {@return logback's context, started now if it was not} */
  LoggerContext context() {
    LoggerContext started = context;
    if (started == null) {
      synchronized (this) {
        started = context;
        if (started == null) {
          started = start.get();
          context = started;
        }
      }
    }
    return started;
  }

  /** {@return logback's context if it runs, else null} */
  LoggerContext contextIfStarted() {
    return context;
  }

  /** A logger of the given name that starts logback when it could write a line. */
  private final class Deferred implements Logger {
    private final String name;
    private volatile Logger real;

    Deferred(String name) {
      this.name = name;
    }

    /** Logback's logger, or null when a call at {@code level} can write nothing yet. */
    private Logger real(Level level) {
      Logger started = real;
      if (started != null) {
        return started;
      }
      if (level.toInt() < Level.WARN.toInt()
          && contextIfStarted() == null
          && !LoggingStart.verboseAsked()) {
        return null;
      }
      started = context().getLogger(name);
      real = started;
      return started;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public LoggingEventBuilder makeLoggingEventBuilder(Level level) {
      return context().getLogger(name).makeLoggingEventBuilder(level);
    }

    @Override
    public boolean isTraceEnabled() {
      Logger real = real(Level.TRACE);
      return real != null && real.isTraceEnabled();
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
      Logger real = real(Level.TRACE);
      return real != null && real.isTraceEnabled(marker);
    }

    @Override
    public void trace(String msg) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(msg);
      }
    }

    @Override
    public void trace(Marker marker, String msg) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(marker, msg);
      }
    }

    @Override
    public void trace(String format, Object arg) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(format, arg);
      }
    }

    @Override
    public void trace(Marker marker, String format, Object arg) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(marker, format, arg);
      }
    }

    @Override
    public void trace(String format, Object arg1, Object arg2) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(format, arg1, arg2);
      }
    }

    @Override
    public void trace(Marker marker, String format, Object arg1, Object arg2) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(marker, format, arg1, arg2);
      }
    }

    @Override
    public void trace(String format, Object... arguments) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(format, arguments);
      }
    }

    @Override
    public void trace(Marker marker, String format, Object... arguments) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(marker, format, arguments);
      }
    }

    @Override
    public void trace(String msg, Throwable t) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(msg, t);
      }
    }

    @Override
    public void trace(Marker marker, String msg, Throwable t) {
      Logger real = real(Level.TRACE);
      if (real != null) {
        real.trace(marker, msg, t);
      }
    }

    @Override
    public boolean isDebugEnabled() {
      Logger real = real(Level.DEBUG);
      return real != null && real.isDebugEnabled();
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
      Logger real = real(Level.DEBUG);
      return real != null && real.isDebugEnabled(marker);
    }

    @Override
    public void debug(String msg) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(msg);
      }
    }

    @Override
    public void debug(Marker marker, String msg) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(marker, msg);
      }
    }

    @Override
    public void debug(String format, Object arg) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(format, arg);
      }
    }

    @Override
    public void debug(Marker marker, String format, Object arg) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(marker, format, arg);
      }
    }

    @Override
    public void debug(String format, Object arg1, Object arg2) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(format, arg1, arg2);
      }
    }

    @Override
    public void debug(Marker marker, String format, Object arg1, Object arg2) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(marker, format, arg1, arg2);
      }
    }

    @Override
    public void debug(String format, Object... arguments) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(format, arguments);
      }
    }

    @Override
    public void debug(Marker marker, String format, Object... arguments) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(marker, format, arguments);
      }
    }

    @Override
    public void debug(String msg, Throwable t) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(msg, t);
      }
    }

    @Override
    public void debug(Marker marker, String msg, Throwable t) {
      Logger real = real(Level.DEBUG);
      if (real != null) {
        real.debug(marker, msg, t);
      }
    }

    @Override
    public boolean isInfoEnabled() {
      Logger real = real(Level.INFO);
      return real != null && real.isInfoEnabled();
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
      Logger real = real(Level.INFO);
      return real != null && real.isInfoEnabled(marker);
    }

    @Override
    public void info(String msg) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(msg);
      }
    }

    @Override
    public void info(Marker marker, String msg) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(marker, msg);
      }
    }

    @Override
    public void info(String format, Object arg) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(format, arg);
      }
    }

    @Override
    public void info(Marker marker, String format, Object arg) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(marker, format, arg);
      }
    }

    @Override
    public void info(String format, Object arg1, Object arg2) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(format, arg1, arg2);
      }
    }

    @Override
    public void info(Marker marker, String format, Object arg1, Object arg2) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(marker, format, arg1, arg2);
      }
    }

    @Override
    public void info(String format, Object... arguments) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(format, arguments);
      }
    }

    @Override
    public void info(Marker marker, String format, Object... arguments) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(marker, format, arguments);
      }
    }

    @Override
    public void info(String msg, Throwable t) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(msg, t);
      }
    }

    @Override
    public void info(Marker marker, String msg, Throwable t) {
      Logger real = real(Level.INFO);
      if (real != null) {
        real.info(marker, msg, t);
      }
    }

    @Override
    public boolean isWarnEnabled() {
      Logger real = real(Level.WARN);
      return real != null && real.isWarnEnabled();
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
      Logger real = real(Level.WARN);
      return real != null && real.isWarnEnabled(marker);
    }

    @Override
    public void warn(String msg) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(msg);
      }
    }

    @Override
    public void warn(Marker marker, String msg) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(marker, msg);
      }
    }

    @Override
    public void warn(String format, Object arg) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(format, arg);
      }
    }

    @Override
    public void warn(Marker marker, String format, Object arg) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(marker, format, arg);
      }
    }

    @Override
    public void warn(String format, Object arg1, Object arg2) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(format, arg1, arg2);
      }
    }

    @Override
    public void warn(Marker marker, String format, Object arg1, Object arg2) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(marker, format, arg1, arg2);
      }
    }

    @Override
    public void warn(String format, Object... arguments) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(format, arguments);
      }
    }

    @Override
    public void warn(Marker marker, String format, Object... arguments) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(marker, format, arguments);
      }
    }

    @Override
    public void warn(String msg, Throwable t) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(msg, t);
      }
    }

    @Override
    public void warn(Marker marker, String msg, Throwable t) {
      Logger real = real(Level.WARN);
      if (real != null) {
        real.warn(marker, msg, t);
      }
    }

    @Override
    public boolean isErrorEnabled() {
      Logger real = real(Level.ERROR);
      return real != null && real.isErrorEnabled();
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
      Logger real = real(Level.ERROR);
      return real != null && real.isErrorEnabled(marker);
    }

    @Override
    public void error(String msg) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(msg);
      }
    }

    @Override
    public void error(Marker marker, String msg) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(marker, msg);
      }
    }

    @Override
    public void error(String format, Object arg) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(format, arg);
      }
    }

    @Override
    public void error(Marker marker, String format, Object arg) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(marker, format, arg);
      }
    }

    @Override
    public void error(String format, Object arg1, Object arg2) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(format, arg1, arg2);
      }
    }

    @Override
    public void error(Marker marker, String format, Object arg1, Object arg2) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(marker, format, arg1, arg2);
      }
    }

    @Override
    public void error(String format, Object... arguments) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(format, arguments);
      }
    }

    @Override
    public void error(Marker marker, String format, Object... arguments) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(marker, format, arguments);
      }
    }

    @Override
    public void error(String msg, Throwable t) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(msg, t);
      }
    }

    @Override
    public void error(Marker marker, String msg, Throwable t) {
      Logger real = real(Level.ERROR);
      if (real != null) {
        real.error(marker, msg, t);
      }
    }
  }
}
