package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.cli.OkxV2TestProof;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command and report format through the shaded jar, offline (the online sources have their
 * own mirrors in {@link LoopbackSourcesIT}). Each command runs once; figures that come from the
 * curated disclosures are not hard-coded but checked to agree across formats.
 */
class CommandsIT {
  private static final String AS_OF = "2026-11-21";
  private static final Path EXAMPLES = Path.of("..", "docs", "examples").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path home;
  @TempDir Path dir;

  private static JsonNode cryptoCom;

  private static JarRunner.Result run(String... args) {
    JarRunner.Result result = JarRunner.inHome(home).run(args);
    assertThat(result.timedOut()).as(result.describe()).isFalse();
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
    return result;
  }

  private static JarRunner.Result ok(String... args) {
    JarRunner.Result result = run(args);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }

  private static String[] offline(String command, String... rest) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(rest));
    args.addAll(List.of("--offline", "--as-of", AS_OF));
    return args.toArray(String[]::new);
  }

  /** The JSON scorecard of crypto-com, which the other formats must agree with. */
  @BeforeAll
  static void assessAsJson() throws Exception {
    JarRunner.Result result = ok(offline("assess", "crypto-com", "--format", "json"));
    JsonNode report = JSON.readTree(result.stdout());
    assertThat(report.get("kind").asText()).isEqualTo("assessments");
    JsonNode json = report.at("/assessments/0");
    assertThat(json.at("/bundle/exchangeId").asText()).isEqualTo("crypto-com");
    assertThat(json.at("/scorecard/pillars")).hasSize(8);
    assertThat(json.at("/bundle/outcomes"))
        .extracting(o -> o.get("collectorId").asText() + "=" + o.get("status").asText())
        .contains("disclosures=ok", "defillama=skipped", "regulators=skipped", "reviews=skipped");
    cryptoCom = json.get("scorecard");
  }

  private static String overall() {
    return String.format(Locale.ROOT, "%.1f", cryptoCom.get("estimate").doubleValue());
  }

  private static String grade() {
    return cryptoCom.get("grade").asText();
  }

  private static List<CSVRecord> csv(String text) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  private static Document html(String text) {
    Parser parser = Parser.htmlParser().setTrackErrors(20);
    Document document = Jsoup.parse(text, "", parser);
    assertThat(parser.getErrors()).as("HTML parse errors").isEmpty();
    assertThat(text.strip()).startsWith("<!DOCTYPE html>").endsWith("</html>");
    return document;
  }

  @Test
  void helpAndVersion() {
    assertThat(ok("--help").stdout())
        .startsWith("Usage: cexsafe")
        .contains("exchanges", "methodology", "assess", "compare", "protection", "posture")
        .contains("por", "licences", "licensed-in");
    assertThat(ok("help", "assess").stdout()).contains("Usage: cexsafe assess", "--format");
    assertThat(ok("--version").stdout()).matches("cexsafe \\d+\\.\\d+\\.\\d+\\S*\\R");
    JarRunner.Result noCommand = run();
    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.stderr()).contains("missing command");
  }

  @Test
  void exchangesAsJson() throws Exception {
    JsonNode json = JSON.readTree(ok("exchanges", "--format", "json").stdout());
    assertThat(json.get("exchanges"))
        .extracting(e -> e.get("id").asText())
        .contains("crypto-com", "coinbase", "kraken", "binance", "okx", "bybit", "bitfinex");
  }

  @Test
  void methodologyWithAndWithoutRules() throws Exception {
    String table = ok("methodology").stdout();
    assertThat(table)
        .contains("cexsafe default methodology")
        .containsPattern("Custody & Storage +custody +20")
        .containsPattern("Total +100");
    JsonNode rules = JSON.readTree(ok("methodology", "--rules", "--format", "json").stdout());
    assertThat(rules.get("id").asText()).isEqualTo("cexsafe-default");
    assertThat(rules.get("pillars")).hasSize(8);
    double total = 0;
    for (JsonNode pillar : rules.get("pillars")) {
      total += pillar.get("weight").asDouble();
    }
    assertThat(total).isEqualTo(100.0);
    assertThat(rules.toString()).contains("rules");
  }

  @Test
  void assessInEveryFormatToStdout() throws Exception {
    String table = ok(offline("assess", "crypto-com")).stdout();
    assertThat(table)
        .contains("Crypto.com (crypto-com), scored as of 2026-11-21T23:59:59Z")
        .contains("Overall: " + overall() + "  grade " + grade())
        .contains("PILLAR", "Custody & Storage", "Support", "Collectors:");

    List<String> lines =
        ok(offline("assess", "crypto-com", "kraken", "--format", "jsonl"))
            .stdout()
            .lines()
            .toList();
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines.get(0)).at("/scorecard/estimate").doubleValue())
        .isEqualTo(cryptoCom.get("estimate").doubleValue());
    assertThat(JSON.readTree(lines.get(1)).at("/bundle/exchangeId").asText()).isEqualTo("kraken");

    List<CSVRecord> rows = csv(ok(offline("assess", "crypto-com", "--format", "csv")).stdout());
    assertThat(rows).hasSize(8);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("exchange_id")).isEqualTo("crypto-com");
              assertThat(Double.parseDouble(row.get("overall_score")))
                  .isCloseTo(
                      cryptoCom.get("estimate").doubleValue(),
                      org.assertj.core.data.Offset.offset(0.005));
              assertThat(row.get("grade")).isEqualTo(grade());
              assertThat(row.get("collectors")).contains("disclosures=ok");
            });
    assertThat(rows).extracting(r -> r.get("pillar")).contains("custody", "support");

    String markdown = ok(offline("assess", "crypto-com", "--format", "md")).stdout();
    assertThat(markdown)
        .startsWith("# ")
        .contains("Crypto.com (crypto-com)")
        .contains("- Overall: **" + overall() + "**, grade **" + grade() + "**")
        .contains("| Pillar | Weight | Score | Range | Coverage |");

    Document html = html(ok(offline("assess", "crypto-com", "--format", "html")).stdout());
    assertThat(html.title()).contains("Crypto.com");
    assertThat(html.select("table")).isNotEmpty();
    assertThat(html.text()).contains(overall(), "Custody & Storage");
  }

  @Test
  void compareInEveryFormatToAFile() throws Exception {
    for (String format : List.of("table", "json", "jsonl", "csv", "md", "html")) {
      Path file = dir.resolve("compare." + format);
      JarRunner.Result result =
          ok(offline("compare", "crypto-com", "kraken", "--format", format, "-o", file.toString()));
      assertThat(result.stdout()).as(format).isEmpty();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(text).as(format).contains("crypto-com").contains("kraken");
      switch (format) {
        case "table" ->
            assertThat(text)
                .contains("Comparison under cexsafe-default")
                .containsPattern("crypto-com +" + overall().replace(".", "\\.") + " ");
        case "json" -> {
          JsonNode json = JSON.readTree(text);
          assertThat(json.get("assessments")).hasSize(2);
          assertThat(json.has("comparison")).isTrue();
        }
        case "jsonl" -> {
          List<String> lines = text.lines().toList();
          assertThat(lines).hasSize(2);
          for (String line : lines) {
            assertThat(JSON.readTree(line).has("scorecard")).isTrue();
          }
        }
        case "csv" ->
            assertThat(csv(text))
                .hasSize(16)
                .extracting(r -> r.get("exchange_id"))
                .containsOnly("crypto-com", "kraken");
        case "md" -> assertThat(text).contains("| --- |");
        case "html" -> assertThat(html(text).select("table")).isNotEmpty();
        default -> throw new AssertionError(format);
      }
    }
  }

  @Test
  void assessToAFileWritesNothingToStdout() throws Exception {
    Path file = dir.resolve("report.json");
    JarRunner.Result result =
        ok(offline("assess", "crypto-com", "--format", "json", "--output", file.toString()));
    assertThat(result.stdout()).isEmpty();
    assertThat(JSON.readTree(file.toFile()).at("/assessments/0/scorecard/grade").asText())
        .isEqualTo(grade());
  }

  @Test
  void compareWithSensitivity() {
    String out =
        ok(offline(
                "compare",
                "crypto-com",
                "kraken",
                "okx",
                "--sensitivity",
                "--draws",
                "200",
                "--seed",
                "7"))
            .stdout();
    assertThat(out)
        .contains("Sensitivity: 200 weight draws around cexsafe-default")
        .contains("seed 7")
        .containsPattern("EXCHANGE +BASE RANK +FIRST IN +BEST +P5 +MEDIAN +P95 +WORST");
  }

  @Test
  void personaMethodologyAndEvidence() throws Exception {
    assertThat(ok(offline("assess", "crypto-com", "--persona", "active-trader")).stdout())
        .contains("under persona-active-trader")
        .contains("For an active trader:");

    Path methodology =
        Files.writeString(
            dir.resolve("methodology.json"),
            "{\"id\":\"e2e-custody-only\",\"version\":\"7\",\"weights\":{\"custody\":100,"
                + "\"proof-of-reserves\":0,\"insurance\":0,\"regulation\":0,\"app-security\":0,"
                + "\"track-record\":0,\"user-experience\":0,\"support\":0}}");
    JsonNode custodyOnly =
        JSON.readTree(
            ok(offline(
                    "assess",
                    "crypto-com",
                    "--methodology",
                    methodology.toString(),
                    "--format",
                    "json"))
                .stdout());
    assertThat(custodyOnly.at("/assessments/0/scorecard/methodology").asText())
        .isEqualTo("e2e-custody-only");
    JsonNode custody = null;
    for (JsonNode pillar : custodyOnly.at("/assessments/0/scorecard/pillars")) {
      if (pillar.get("pillar").asText().equals("custody")) {
        custody = pillar;
      }
    }
    assertThat(custody).isNotNull();
    assertThat(custodyOnly.at("/assessments/0/scorecard/estimate").doubleValue())
        .isCloseTo(
            custody.get("estimate").doubleValue(), org.assertj.core.data.Offset.offset(0.05));

    assertThat(ok(offline("assess", "crypto-com", "--evidence")).stdout())
        .containsPattern("Evidence for Custody & Storage: \\d+ pieces of evidence")
        .contains("disclosures:");
  }

  @Test
  void porVerifyAndFormats() throws Exception {
    OkxV2TestProof proof = OkxV2TestProof.write(dir);
    assertThat(ok("por", "verify", proof.user().toString(), proof.tree().toString()).stdout())
        .contains("format:   okx-v2")
        .contains("status:   INCLUDED")
        .contains("balances: BTC 0.00005, ETH 0, USDT 0");
    assertThat(ok("por", "formats").stdout())
        .containsPattern("FORMAT +STRENGTH")
        .contains("okx-v1", "okx-v2", "bitget-2025", "mexc", "bybit", "bitmex");
  }

  @Test
  void assessWithAProof() throws Exception {
    OkxV2TestProof proof = OkxV2TestProof.write(dir);
    String out =
        ok(offline(
                "assess",
                "okx",
                "--proof",
                "okx=" + proof.user(),
                "--proof-tree",
                "okx=" + proof.tree(),
                "--proof-date",
                "okx=2026-11-01"))
            .stdout();
    assertThat(out)
        .contains("inclusion verified by cexsafe: 15/15  <proof-of-reserves:")
        .containsPattern("proof-of-reserves +ok +1");
  }

  @Test
  void protectionCheckAndPosture() throws Exception {
    Path claim = EXAMPLES.resolve("protection-claim.json");
    assertThat(ok("protection", "check", claim.toString()).stdout())
        .contains("Programme: crypto-com-app")
        .contains("Outcome:   MEETS THE MINIMUM CONDITIONS");
    JsonNode verdict =
        JSON.readTree(ok("protection", "check", "--format", "json", claim.toString()).stdout());
    assertThat(verdict.get("outcome").asText()).isEqualTo("MEETS_MINIMUM_CONDITIONS");

    Path account = EXAMPLES.resolve("account-posture.json");
    JsonNode posture =
        JSON.readTree(ok("posture", "--format", "json", account.toString()).stdout());
    assertThat(posture.get("findings")).isNotEmpty();
    assertThat(posture.at("/findings/0/severity").asText()).isEqualTo("CRITICAL");
    assertThat(ok("posture", account.toString()).stdout())
        .contains("Account security posture on " + posture.get("evaluatedOn").asText())
        .contains("Findings (" + posture.get("findings").size() + ")")
        .contains(posture.at("/findings/0/title").asText());
  }

  @Test
  void licencesOfflineSaysNothingWasVerified() {
    JarRunner.Result result = run("licences", "crypto-com", "--offline");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("registers cannot be checked offline");
    assertThat(result.stdout()).contains("claimed, not verified");
  }

  @Test
  void anUnknownExchangeIsBadInputOnOneLine() {
    JarRunner.Result result = run(offline("assess", "no-such-exchange"));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().lines()).hasSize(1);
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void settingsListsEveryDeclaredKeyAsTableAndJson() throws Exception {
    JarRunner.Result table = ok("settings");
    assertThat(table.stdout())
        .containsPattern("defillama\\.base-url +uri +https://api\\.llama\\.fi +defillama")
        .containsPattern("regulators\\.fca\\.api-key +secret +regulators +yes")
        .containsPattern("http\\.max-attempts +int +3 +core")
        .doesNotContain("cli-probe");
    JsonNode json = JSON.readTree(ok("settings", "--format", "json").stdout()).get("settings");
    List<String> keys = new ArrayList<>();
    json.forEach(row -> keys.add(row.get("key").asText()));
    assertThat(keys)
        .contains(
            "assessor.parallelism",
            "disclosures.dir",
            "proof-of-reserves.proof.*",
            "reviews.trustpilot.api-key",
            "defillama.top-holdings")
        .doesNotHaveDuplicates();
    assertThat(table.stdout().lines().count()).isEqualTo(keys.size() + 1L);
  }
}
