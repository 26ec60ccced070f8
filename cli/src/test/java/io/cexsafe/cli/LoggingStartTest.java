package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logging starts only when something logs, through {@link CliLoggingProvider}, as the jar runs it.
 * The CLI runs in a fresh class loader (SLF4J and logback included) that hides this module's
 * logback-test.xml, so what it loads and prints is what a user's process loads and prints.
 */
class LoggingStartTest {
  @Test
  void theProviderIsNamedByItsClassName() {
    assertThat(LoggingStart.PROVIDER).isEqualTo(CliLoggingProvider.class.getName());
  }

  @Test
  void commandsThatLogNothingStartNoLoggingAndLoggingWorksAfter() throws Exception {
    String provider = System.getProperty(LoggingStart.PROVIDER_PROPERTY);
    String verbosity = System.getProperty(LoggingStart.REPORT_VERBOSITY_PROPERTY);
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (FreshLoader loader = new FreshLoader()) {
      Class<?> start = loader.loadClass(LoggingStart.class.getName());
      Method select = start.getDeclaredMethod("select");
      select.setAccessible(true);
      select.invoke(null);
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

      // exchanges reads the settings, and so sets the log levels: --verbose waits for logging
      assertThat(run(loader, "methodology")).isEqualTo(Main.OK);
      assertThat(run(loader, "exchanges", "--verbose")).isEqualTo(Main.OK);
      assertThat(run(loader, "por", "verify", "--help")).isEqualTo(Main.OK);
      assertThat(loader.loaded("org.slf4j.LoggerFactory")).isFalse();
      assertThat(loader.loaded("org.slf4j.MDC")).isFalse();
      assertThat(loader.loaded("ch.qos.logback.classic.LoggerContext")).isFalse();
      assertThat(loader.loaded(CliLoggingProvider.class.getName())).isFalse();

      // the first log line starts logging, with the levels --verbose asked for, on stderr
      Object logger = slf4j(loader, "getLogger", "io.cexsafe.Probe");
      loggerMethod(loader, "debug", String.class).invoke(logger, "a debug line");
      assertThat(loader.loaded("ch.qos.logback.classic.LoggerContext")).isTrue();
      Object factory = slf4j(loader, "getILoggerFactory");
      assertThat(factory.getClass().getName()).isEqualTo("ch.qos.logback.classic.LoggerContext");
      invokeStatic(loader, "putRunId", String.class, "run-19");
      invokeStatic(loader, "useJsonLines", null, null);
      loggerMethod(loader, "warn", String.class).invoke(logger, "a warning");
      invokeStatic(loader, "clear", null, null);
      loggerMethod(loader, "warn", String.class).invoke(logger, "text again");
    } finally {
      System.setErr(stderr);
      restore(LoggingStart.PROVIDER_PROPERTY, provider);
      restore(LoggingStart.REPORT_VERBOSITY_PROPERTY, verbosity);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG io\\.cexsafe\\.Probe - a debug line");
    assertThat(lines.get(1))
        .startsWith("{")
        .contains(
            "\"level\":\"WARN\"", "\"runId\":\"run-19\"", "\"formattedMessage\":\"a warning\"");
    assertThat(lines.get(2))
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  io\\.cexsafe\\.Probe - text again");
  }

  @Test
  void linesBelowWarnStartNoLoggingAndTheFirstWarningDoes() throws Exception {
    String provider = System.getProperty(LoggingStart.PROVIDER_PROPERTY);
    String verbosity = System.getProperty(LoggingStart.REPORT_VERBOSITY_PROPERTY);
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (FreshLoader loader = new FreshLoader()) {
      Class<?> start = loader.loadClass(LoggingStart.class.getName());
      Method select = start.getDeclaredMethod("select");
      select.setAccessible(true);
      select.invoke(null);
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

      // what an offline assessment does: loggers, a DEBUG line, checks below WARN, the run id
      Object logger = slf4j(loader, "getLogger", "io.cexsafe.Probe");
      loggerMethod(loader, "debug", String.class, Object.class)
          .invoke(logger, "collector '{}' is already registered", "proof-of-reserves");
      loggerMethod(loader, "info", String.class).invoke(logger, "an info line");
      assertThat(loggerMethod(loader, "isDebugEnabled").invoke(logger)).isEqualTo(false);
      assertThat(loggerMethod(loader, "isInfoEnabled").invoke(logger)).isEqualTo(false);
      invokeStatic(loader, "putRunId", String.class, "run-19");
      // the provider is in use, but logback is not configured: no appender, no layout
      assertThat(loader.loaded(CliLoggingProvider.class.getName())).isTrue();
      assertThat(loader.loaded("ch.qos.logback.core.ConsoleAppender")).isFalse();
      assertThat(loader.loaded(TextLogLayout.class.getName())).isFalse();

      // a failure's WARN starts logback, with the MDC put before
      loggerMethod(loader, "warn", String.class, Object.class)
          .invoke(logger, "source {} failed", "defillama");
      assertThat(loader.loaded("ch.qos.logback.core.ConsoleAppender")).isTrue();
      Object factory = slf4j(loader, "getILoggerFactory");
      assertThat(factory.getClass().getName()).isEqualTo("ch.qos.logback.classic.LoggerContext");
      loggerMethod(loader, "debug", String.class).invoke(logger, "still below the level");
      assertThat(loggerMethod(loader, "isWarnEnabled").invoke(logger)).isEqualTo(true);
      invokeStatic(loader, "useJsonLines", null, null);
      loggerMethod(loader, "error", String.class).invoke(logger, "an error");
      invokeStatic(loader, "clear", null, null);
    } finally {
      System.setErr(stderr);
      restore(LoggingStart.PROVIDER_PROPERTY, provider);
      restore(LoggingStart.REPORT_VERBOSITY_PROPERTY, verbosity);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  io\\.cexsafe\\.Probe - source defillama failed");
    assertThat(lines.get(1))
        .startsWith("{")
        .contains(
            "\"level\":\"ERROR\"", "\"runId\":\"run-19\"", "\"formattedMessage\":\"an error\"");
  }

  @Test
  void jsonLinesAskedBeforeAnyLineStartLoggingInJson() throws Exception {
    String provider = System.getProperty(LoggingStart.PROVIDER_PROPERTY);
    String verbosity = System.getProperty(LoggingStart.REPORT_VERBOSITY_PROPERTY);
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (FreshLoader loader = new FreshLoader()) {
      Class<?> start = loader.loadClass(LoggingStart.class.getName());
      Method select = start.getDeclaredMethod("select");
      select.setAccessible(true);
      select.invoke(null);
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

      Object logger = slf4j(loader, "getLogger", "io.cexsafe.Probe");
      invokeStatic(loader, "useJsonLines", null, null);
      invokeStatic(loader, "putRunId", String.class, "run-20");
      loggerMethod(loader, "warn", String.class).invoke(logger, "a warning");
      invokeStatic(loader, "clear", null, null);
    } finally {
      System.setErr(stderr);
      restore(LoggingStart.PROVIDER_PROPERTY, provider);
      restore(LoggingStart.REPORT_VERBOSITY_PROPERTY, verbosity);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("{")
        .contains(
            "\"level\":\"WARN\"", "\"runId\":\"run-20\"", "\"formattedMessage\":\"a warning\"");
  }

  /** A method of SLF4J's {@code Logger} interface: loggers before logging starts are not public. */
  private static Method loggerMethod(FreshLoader loader, String name, Class<?>... types)
      throws Exception {
    return loader.loadClass("org.slf4j.Logger").getMethod(name, types);
  }

  private static int run(FreshLoader loader, String... args) throws Exception {
    Class<?> main = loader.loadClass(Main.class.getName());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        (int)
            main.getMethod("run", PrintWriter.class, PrintWriter.class, String[].class)
                .invoke(null, new PrintWriter(out), new PrintWriter(err), args);
    assertThat(err.toString()).as("stderr of %s", List.of(args)).isEmpty();
    return code;
  }

  private static Object slf4j(FreshLoader loader, String method, Object... name) throws Exception {
    Class<?> factory = loader.loadClass("org.slf4j.LoggerFactory");
    return name.length == 0
        ? factory.getMethod(method).invoke(null)
        : factory.getMethod(method, String.class).invoke(null, name[0]);
  }

  private static void invokeStatic(FreshLoader loader, String name, Class<?> type, Object value)
      throws Exception {
    Method method =
        type == null
            ? loader.loadClass(LoggingStart.class.getName()).getDeclaredMethod(name)
            : loader.loadClass(LoggingStart.class.getName()).getDeclaredMethod(name, type);
    method.setAccessible(true);
    if (type == null) {
      method.invoke(null);
    } else {
      method.invoke(null, value);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  /** This test's class path in a new loader that hides logback-test.xml, as the jar has none. */
  private static final class FreshLoader extends URLClassLoader {
    FreshLoader() throws MalformedURLException {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    private static URL[] classPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(new File(entry).toURI().toURL());
      }
      return urls.toArray(URL[]::new);
    }

    @Override
    public URL getResource(String name) {
      return name.equals(LogbackSetup.TEST_CONFIG) ? null : super.getResource(name);
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }
  }
}
