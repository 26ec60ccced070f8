package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.testing.GeneratedCatalog;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code assess --all --offline} and {@code compare --all --offline} through the shaded jar, in
 * every format: each run completes and reports every entry of the catalogue, whatever its size (the
 * bundled one, and the bundled one extended by a generated catalogue of 120 more).
 */
class AllExchangesIT {
  private static final String AS_OF = "2026-12-01";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BUNDLED_IDS =
      ExchangeCatalog.bundled().all().stream().map(Exchange::id).toList();

  @TempDir static Path home;
  @TempDir Path dir;

  private static JarRunner.Result ok(String... args) {
    JarRunner.Result result = JarRunner.inHome(home).timeout(Duration.ofMinutes(5)).run(args);
    assertThat(result.timedOut()).as(result.describe()).isFalse();
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }

  private static String[] all(String command, String format, String... rest) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--all",
                "--offline",
                "--no-progress",
                "--as-of",
                AS_OF,
                "--format",
                format));
    args.addAll(List.of(rest));
    return args.toArray(String[]::new);
  }

  /** The exchange ids a report names, read the way each format is meant to be read. */
  private static Set<String> idsIn(String format, String text, List<String> expected)
      throws Exception {
    Set<String> ids = new TreeSet<>();
    switch (format) {
      case "json" -> JSON.readTree(text).findValuesAsText("exchangeId").forEach(ids::add);
      case "jsonl" -> {
        for (String line : text.lines().toList()) {
          JsonNode node = JSON.readTree(line);
          node.findValuesAsText("exchangeId").forEach(ids::add);
        }
      }
      case "csv" -> {
        for (CSVRecord row :
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))) {
          ids.add(row.get("exchange_id"));
        }
      }
      case "html" -> {
        String page = Jsoup.parse(text).text();
        expected.stream().filter(page::contains).forEach(ids::add);
      }
      default -> expected.stream().filter(text::contains).forEach(ids::add);
    }
    return ids;
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "json", "jsonl", "csv", "md", "html"})
  void assessAllReportsEveryBundledExchange(String format) throws Exception {
    String text = ok(all("assess", format)).stdout();
    assertThat(idsIn(format, text, BUNDLED_IDS)).containsExactlyInAnyOrderElementsOf(BUNDLED_IDS);
    if (format.equals("jsonl")) {
      assertThat(text.lines()).hasSize(BUNDLED_IDS.size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "json", "jsonl", "csv", "md", "html"})
  void compareAllReportsEveryBundledExchange(String format) throws Exception {
    String text = ok(all("compare", format)).stdout();
    assertThat(idsIn(format, text, BUNDLED_IDS)).containsExactlyInAnyOrderElementsOf(BUNDLED_IDS);
  }

  @Test
  void aCatalogueOfAnySizeIsCoveredByBothCommands() throws Exception {
    Path generated = GeneratedCatalog.writeFile(120, dir.resolve("generated.json"));
    List<String> expected =
        ExchangeCatalog.bundled().extendedWith(ExchangeCatalog.load(generated)).all().stream()
            .map(Exchange::id)
            .toList();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(127);
    for (String command : List.of("assess", "compare")) {
      String text = ok(all(command, "jsonl", "--catalog", generated.toString())).stdout();
      assertThat(idsIn("jsonl", text, expected))
          .as(command)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
