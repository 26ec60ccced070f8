package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assess and compare in every report format, to stdout and to --output. */
class ReportFormatsTest {
  @TempDir Path dir;

  private static CliTest.Result assess(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("assess", "crypto-com", "--offline", "--as-of", "2026-11-21"));
    args.addAll(List.of(extra));
    return CliTest.run(args.toArray(String[]::new));
  }

  @Test
  void jsonLinesHoldOneRoundTrippableDocumentPerExchange() throws Exception {
    CliTest.Result result =
        CliTest.run(
            "assess",
            "crypto-com",
            "kraken",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--format",
            "jsonl");
    assertThat(result.code()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = Json.mapper().readTree(lines.get(0));
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "schemaVersion", "kind", "cexsafeVersion", "runId", "asOf", "bundle", "scorecard");
    // every line of one invocation carries the same run id
    assertThat(Json.mapper().readTree(lines.get(1)).get("runId")).isEqualTo(first.get("runId"));
    assertThat(EvidenceBundle.fromJson(first.get("bundle").toString()).exchangeId())
        .isEqualTo("crypto-com");
    assertThat(Json.mapper().readTree(lines.get(1)).at("/scorecard/exchangeId").asText())
        .isEqualTo("kraken");
  }

  @Test
  void csvHasEightRowsPerExchange() throws Exception {
    CliTest.Result result = assess("--format", "CSV");
    assertThat(result.code()).isZero();
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(result.out()))
            .getRecords();
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0).get("exchange_id")).isEqualTo("crypto-com");
    assertThat(rows.get(0).get("collectors"))
        .contains("cli-probe=skipped:offline", "disclosures=ok");
  }

  @Test
  void markdownAndHtmlGoToTheOutputFileAndNothingToStdout() throws Exception {
    Path md = dir.resolve("report.md");
    CliTest.Result result = assess("--format", "md", "--output", md.toString());
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(Files.readString(md, StandardCharsets.UTF_8))
        .contains("Crypto.com (crypto-com)")
        .contains("- Methodology: cexsafe-default 1.0")
        .contains("| disclosures | ok |");

    Path html = dir.resolve("report.html");
    CliTest.Result page = assess("--format", "html", "-o", html.toString(), "--progress");
    assertThat(page.code()).isZero();
    assertThat(page.out()).isEmpty();
    // the progress line (its erase sequence at least) goes to stderr, the report to the file
    assertThat(page.err()).contains("\r").doesNotContain("<html");
    assertThat(Files.readString(html, StandardCharsets.UTF_8))
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("Stale evidence")
        .doesNotContain("<script");
  }

  @Test
  void progressNeverReachesStdout() {
    CliTest.Result result = assess("--format", "jsonl", "--progress");
    assertThat(result.code()).isZero();
    assertThat(result.out()).doesNotContain("assessing:").doesNotContain("\r");
    assertThat(result.out().lines()).hasSize(1);
  }

  @Test
  void compareWritesEveryFormat() throws Exception {
    String[] base = {"compare", "crypto-com", "coinbase", "kraken", "--offline", "--format"};
    CliTest.Result json = CliTest.run(concat(base, "json"));
    assertThat(json.code()).isZero();
    JsonNode document = Json.mapper().readTree(json.out());
    assertThat(document.get("assessments")).hasSize(3);
    assertThat(CliTest.run(concat(base, "jsonl")).out().lines()).hasSize(3);
    assertThat(CliTest.run(concat(base, "csv")).out().lines()).hasSize(1 + 3 * 8);
    assertThat(CliTest.run(concat(base, "md")).out())
        .contains("# cexsafe comparison")
        .contains("## Controls");
    Path html = dir.resolve("compare.html");
    CliTest.Result page = CliTest.run(concat(base, "html", "--output", html.toString()));
    assertThat(page.code()).isZero();
    assertThat(Files.readString(html, StandardCharsets.UTF_8))
        .contains("class=\"cards\"")
        .contains("class=\"controls\"");
    assertThat(CliTest.run(concat(base, "table")).out()).contains("Collectors for kraken:");
  }

  @Test
  void unknownFormatOrUnwritableOutputExitTwo() {
    CliTest.Result format = assess("--format", "pdf");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("--format");
    CliTest.Result output =
        assess("--format", "html", "--output", dir.resolve("missing/dir/x.html").toString());
    assertThat(output.code()).isEqualTo(2);
    assertThat(output.err()).contains("cexsafe: error: cannot write").doesNotContain("Exception");
  }

  private static String[] concat(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
