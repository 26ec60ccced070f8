package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogbackSetupTest {
  @Test
  void warningsGoToStderrInTheDocumentedPattern() {
    LoggerContext context = new LoggerContext();
    assertThat(new LogbackSetup(() -> false).configure(context))
        .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("okhttp3").getLevel()).isEqualTo(Level.WARN);
    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(appenders::add);
    assertThat(appenders).hasSize(1);
    ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appenders.get(0);
    assertThat(console.isStarted()).isTrue();
    assertThat(console.getTarget()).isEqualTo("System.err");
    assertThat(LogbackSetup.PATTERN).isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
    assertThat(console.getEncoder()).isInstanceOf(LayoutWrappingEncoder.class);
    Layout<ILoggingEvent> layout =
        ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
    assertThat(layout.doLayout(event(context, Level.WARN, "io.cexsafe.Assessor", "a {}", null)))
        .isEqualTo(
            patternLayout(context)
                .doLayout(event(context, Level.WARN, "io.cexsafe.Assessor", "a {}", null)));
    context.stop();
  }

  @Test
  void theTextLinesAreTheBytesOfThePatternLayout() {
    LoggerContext context = new LoggerContext();
    new LogbackSetup(() -> false).configure(context);
    ConsoleAppender<ILoggingEvent> console =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogbackSetup.APPENDER);
    Layout<ILoggingEvent> ours =
        ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
    PatternLayout pattern = patternLayout(context);
    Exception failure = new IllegalStateException("outer", new java.io.IOException("inner cause"));
    List<String> loggers =
        List.of(
            "io.cexsafe.Assessor",
            "io.cexsafe.collectors.disclosures.internal.DisclosureLibrary",
            "okhttp3.internal.http2.Http2",
            "short",
            "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p",
            "ROOT",
            "io.cexsafe.cli.Main$Inner");
    long at = 1_796_000_000_123L;
    for (Level level : List.of(Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE)) {
      for (String name : loggers) {
        for (Throwable thrown : java.util.Arrays.asList(null, failure)) {
          LoggingEvent event = event(context, level, name, "message {} and {}", thrown);
          event.setTimeStamp(at += 61_001);
          assertThat(ours.doLayout(event))
              .as("%s %s %s", level, name, thrown)
              .isEqualTo(pattern.doLayout(event));
        }
      }
    }
    context.stop();
  }

  private static PatternLayout patternLayout(LoggerContext context) {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern(LogbackSetup.PATTERN);
    layout.start();
    return layout;
  }

  private static LoggingEvent event(
      LoggerContext context, Level level, String logger, String message, Throwable thrown) {
    LoggingEvent event =
        new LoggingEvent(
            "fqcn", context.getLogger(logger), level, message, thrown, new Object[] {"x", 42});
    event.setTimeStamp(1_796_000_000_123L);
    return event;
  }

  @Test
  void aConfigurationFileAskedForWinsAndNothingIsSetUp() {
    LoggerContext context = new LoggerContext();
    assertThat(new LogbackSetup(() -> true).configure(context))
        .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
        .isFalse();
    context.stop();
  }

  @Test
  void theDefaultInstanceStepsAsideForTheTestConfigurationOnTheClassPath() {
    // this module's tests carry logback-test.xml: the file wins, as a user's file would
    assertThat(new LogbackSetup().configure(new LoggerContext()))
        .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }

  @Test
  void logbackFindsItThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream())
        .extracting(ServiceLoader.Provider::type)
        .contains(LogbackSetup.class);
  }
}
