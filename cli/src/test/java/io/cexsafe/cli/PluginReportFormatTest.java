package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.reports.ReportKind;
import io.cexsafe.reports.ReportRenderer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report format a plugin brings, through the command line in-process. */
class PluginReportFormatTest {
  private static final String KNOWN = "table, json, jsonl, csv, md, html, exchange-list";

  @TempDir Path dir;

  private static CliTest.Result assess(String... format) {
    String[] base = {"assess", "crypto-com", "kraken", "--offline", "--as-of", "2026-11-21"};
    String[] args = java.util.Arrays.copyOf(base, base.length + format.length);
    System.arraycopy(format, 0, args, base.length, format.length);
    return CliTest.run(args);
  }

  @Test
  void aFormatOnTheClassPathIsFoundAndWritesTheReport() {
    CliTest.Result result = assess("--format", "exchange-list", "--evidence");
    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines())
        .hasSize(2)
        .allMatch(line -> line.endsWith(" (evidence listed)"));
    assertThat(result.out()).startsWith("exchange crypto-com: ").contains("\nexchange kraken: ");
    assertThat(assess("--format", " Exchange-LIST ").out())
        .isEqualTo(assess("--format", "exchange-list").out().replace(" (evidence listed)", ""));
  }

  @Test
  void helpListsEveryFormatItCanFind() {
    CliTest.Result help = CliTest.run("assess", "--help");
    assertThat(help.code()).isZero();
    assertThat(oneLine(help.out())).contains(KNOWN + " (default: table)");
    assertThat(oneLine(CliTest.run("compare", "--help").out())).contains(KNOWN);
  }

  @Test
  void anUnknownFormatExitsTwoListingTheKnownOnes() {
    CliTest.Result result = assess("--format", "pdf");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("--format")
        .contains("unknown report format 'pdf'; known: " + KNOWN)
        .doesNotContain("Exception");
  }

  @Test
  void aFormatThatCannotCompareIsRefusedBeforeAnythingIsCollected() {
    CliTest.Result result =
        CliTest.run(
            "compare",
            "crypto-com",
            "kraken",
            "--offline",
            "--format",
            "exchange-list",
            "--progress");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "cexsafe: error: report format 'exchange-list' cannot render a comparison; formats"
                + " that can: table, json, jsonl, csv, md, html\n");
  }

  @Test
  void twoFormatsWithOneIdExitTwoNamingThePluginButHelpStillPrints() throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(ReportRenderer.class.getName()),
        SecondCsv.class.getName() + "\n",
        StandardCharsets.UTF_8);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      CliTest.Result result = withContextLoader(loader, () -> assess());
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .contains(
              "two report renderers have the id 'csv': the built-in format and "
                  + SecondCsv.class.getName())
          .doesNotContain("Exception:");
      CliTest.Result help = withContextLoader(loader, () -> CliTest.run("assess", "--help"));
      assertThat(help.code()).isZero();
      assertThat(oneLine(help.out()))
          .contains("table, json, jsonl, csv, md, html (default: table)");
    }
  }

  private static String oneLine(String help) {
    return help.replaceAll("\\s+", " ");
  }

  private static <T> T withContextLoader(ClassLoader loader, Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** A second format with a built-in id: listed only in the services file the test writes. */
  public static final class SecondCsv implements ReportRenderer {
    @Override
    public String id() {
      return "csv";
    }

    @Override
    public String description() {
      return "another CSV";
    }

    @Override
    public String mediaType() {
      return "text/csv";
    }

    @Override
    public String fileExtension() {
      return "csv";
    }

    @Override
    public Set<ReportKind> kinds() {
      return Set.of(ReportKind.ASSESSMENTS);
    }
  }
}
