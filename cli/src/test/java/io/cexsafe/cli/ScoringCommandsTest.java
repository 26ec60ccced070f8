package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import io.cexsafe.scoring.Scorecard;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assess with scorecards, personas and methodologies; compare with sensitivity; methodology. */
class ScoringCommandsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  /** Only the probe's one support channel: exact figures that do not move with curated data. */
  private static final String NO_DISCLOSURES = "disclosures.enabled=false";

  private static final String WEIGHTS =
      "\"custody\":20,\"proof-of-reserves\":15,\"insurance\":15,\"regulation\":10,"
          + "\"app-security\":10,\"track-record\":10,\"user-experience\":10,\"support\":10";

  private Path methodology(String weights) throws Exception {
    Path file = dir.resolve("m.json");
    Files.writeString(file, "{\"id\":\"mine\",\"version\":\"3\",\"weights\":{" + weights + "}}");
    return file;
  }

  private String probe() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().body("{}").build());
    }
    return "cli-probe.base-url=" + server.url("/");
  }

  @Test
  void assessPrintsTheScorecardWithPillarsCoverageAndEvidence() {
    CliTest.Result result =
        CliTest.run(
            "assess", "okx", "--set", probe(), "--set", NO_DISCLOSURES, "--as-of", "2026-11-21");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains(
            "OKX (okx), scored as of 2026-11-21T23:59:59Z under cexsafe-default 1.0,"
                + " methodology 2.0")
        // methodology 2.0: one channel is no grade, unknown rules count at the prior
        .contains(
            "Overall: 24.6  grade NR (evidence covers 4 % of the weight)  range [0.6, 96.6]"
                + "  confidence 0.04")
        .contains("Red flags: none")
        .contains("Custody & Storage: 25.0, coverage 0%\n  no evidence: all 9 rules unknown")
        .contains("  ? unknown (4 of 5 rules): Published complaint deadline;")
        .contains("PILLAR", "WEIGHT", "SCORE", "RANGE", "COVERAGE")
        .contains("Support: 21.0, coverage 40%")
        .contains(
            "  + support: email: 6/40 (10 before claim factors by evidence class) "
                + " <cli-probe:support-channel:")
        .contains("Findings: none")
        .contains("Collectors:");
  }

  @Test
  void personaWeighsTheScoreAndNamesWhatMatters() throws Exception {
    CliTest.Result result =
        CliTest.run(
            "assess",
            "okx",
            "--set",
            probe(),
            "--set",
            NO_DISCLOSURES,
            "--persona",
            "card-first",
            "--format",
            "json");
    assertThat(result.code()).isZero();
    JsonNode document = Json.mapper().readTree(result.out()).at("/assessments/0");
    assertThat(document.get("scorecard").get("methodology").asText())
        .isEqualTo("persona-card-first");
    assertThat(document.get("persona").get("verdict").asText())
        .startsWith("For a card-first user:")
        .contains("emergency path for compromised accounts unknown");
    assertThat(Scorecard.fromJson(document.get("scorecard").toString()).pillars()).hasSize(8);
  }

  @Test
  void customMethodologyIsUsedAndInvalidOnesExitTwo() throws Exception {
    Path good =
        methodology(
            WEIGHTS
                .replace("\"custody\":20", "\"custody\":10")
                .replace("\"support\":10", "\"support\":20"));
    CliTest.Result result =
        CliTest.run("assess", "okx", "--offline", "--methodology", good.toString());
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("under mine 3");

    Path ninety = methodology(WEIGHTS.replace("\"custody\":20", "\"custody\":10"));
    CliTest.Result bad =
        CliTest.run("assess", "okx", "--offline", "--methodology", ninety.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().lines()).hasSize(1);
    assertThat(bad.err())
        .startsWith(
            "cexsafe: error: "
                + ninety
                + ": $.weights: weights must sum to 100, but they sum to 90");

    Path twice =
        methodology("\"custody\":10,\"custody\":10," + WEIGHTS.replace("\"custody\":20,", ""));
    CliTest.Result dup =
        CliTest.run("compare", "okx", "kraken", "--offline", "--methodology", twice.toString());
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err())
        .contains("pillar 'custody' is named twice")
        .doesNotContain("at io.cexsafe");

    assertThat(CliTest.run("methodology", "--methodology", ninety.toString()).code()).isEqualTo(2);
    assertThat(
            CliTest.run(
                    "assess",
                    "okx",
                    "--offline",
                    "--methodology",
                    dir.resolve("none.json").toString())
                .err())
        .contains("file not found");
  }

  @Test
  void unknownPersonaOrBothChoicesExitTwo() throws Exception {
    CliTest.Result unknown = CliTest.run("assess", "okx", "--offline", "--persona", "whale");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown persona 'whale'; known: long-term-holder");
    Path file = methodology(WEIGHTS);
    CliTest.Result both =
        CliTest.run(
            "assess",
            "okx",
            "--offline",
            "--persona",
            "institution",
            "--methodology",
            file.toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("either --persona or --methodology");
  }

  @Test
  void compareWithoutEvidenceSaysTiedAndUnrated() {
    CliTest.Result result =
        CliTest.run(
            "compare",
            "okx",
            "kraken",
            "--offline",
            "--set",
            NO_DISCLOSURES,
            "--as-of",
            "2026-11-21",
            "--sensitivity",
            "--draws",
            "500");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("Comparison under cexsafe-default 1.0, methodology 2.0")
        .contains("not rated  kraken")
        .contains("CONTROL", "2FA for withdrawals, TOTP or stronger", "unknown")
        .contains("kraken and okx are tied within what the evidence can tell")
        .contains("okx is not rated: evidence covers 0 % of the weight")
        .contains("Sensitivity: 500 weight draws around cexsafe-default")
        .contains("Not rated (too little evidence to rank): kraken, okx");
  }

  @Test
  void compareOfCuratedExchangesShowsScoresControlsAndRankStability() throws Exception {
    CliTest.Result result =
        CliTest.run(
            "compare",
            "coinbase",
            "kraken",
            "binance",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--sensitivity",
            "--draws",
            "2000",
            "--format",
            "json");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode document = Json.mapper().readTree(result.out());
    JsonNode entries = document.get("comparison").get("entries");
    assertThat(entries).hasSize(3);
    for (JsonNode entry : entries) {
      assertThat(entry.get("estimate").isNumber()).isTrue();
      assertThat(entry.get("low").asDouble()).isLessThanOrEqualTo(entry.get("estimate").asDouble());
      assertThat(entry.get("bestRank").asInt()).isLessThanOrEqualTo(entry.get("worstRank").asInt());
    }
    // methodology 2.0: offline, these exchanges are not rated, so no weight draw can rank them
    assertThat(entries).allSatisfy(e -> assertThat(e.get("rated").asBoolean()).isFalse());
    assertThat(document.get("sensitivity").get("exchanges")).isEmpty();
    assertThat(document.get("sensitivity").get("unrated")).hasSize(3);
    CliTest.Result table =
        CliTest.run("compare", "coinbase", "kraken", "--offline", "--as-of", "2026-11-21");
    assertThat(table.out())
        .contains("RANK", "CONTROL", "Passkeys / WebAuthn")
        .doesNotContain("Sensitivity:");
  }

  @Test
  void compareJsonCarriesComparisonAndSensitivity() throws Exception {
    CliTest.Result result =
        CliTest.run(
            "compare",
            "okx",
            "kraken",
            "--set",
            probe(),
            "--set",
            NO_DISCLOSURES,
            "--format",
            "json",
            "--sensitivity",
            "--draws",
            "200",
            "--seed",
            "7");
    assertThat(result.code()).isZero();
    JsonNode document = Json.mapper().readTree(result.out());
    assertThat(document.get("comparison").get("entries")).hasSize(2);
    JsonNode sensitivity = document.get("sensitivity");
    assertThat(sensitivity.get("draws").asInt()).isEqualTo(200);
    assertThat(sensitivity.get("seed").asLong()).isEqualTo(7);
    // methodology 2.0: one support channel is far too little for a grade, so neither is ranked
    assertThat(sensitivity.get("exchanges")).isEmpty();
    assertThat(sensitivity.get("unrated")).hasSize(2);
    assertThat(document.get("comparison").get("entries").get(0).get("rank").asText())
        .isEqualTo("not rated");
  }

  @Test
  void compareNeedsTwoExchangesAndValidSettings() {
    assertThat(CliTest.run("compare", "okx").code()).isEqualTo(2);
    assertThat(CliTest.run("compare", "okx", "okx", "--offline").err())
        .contains("compare needs two different exchanges");
    assertThat(
            CliTest.run("compare", "okx", "kraken", "--offline", "--sensitivity", "--draws", "0")
                .code())
        .isEqualTo(2);
  }

  @Test
  void methodologyPrintsWeightsPersonasAndRules() throws Exception {
    CliTest.Result defaults = CliTest.run("methodology", "--rules");
    assertThat(defaults.code()).isZero();
    assertThat(defaults.out())
        .contains("cexsafe default methodology (cexsafe-default 1.0, methodology 2.0)")
        .contains("custody.cold-storage", "proof-of-reserves.attestation-age", "Total");
    CliTest.Result persona =
        CliTest.run("methodology", "--persona", "institution", "--format", "json");
    JsonNode json = Json.mapper().readTree(persona.out());
    assertThat(json.get("id").asText()).isEqualTo("persona-institution");
    assertThat(json.get("pillars").get(3).get("weight").asDouble()).isEqualTo(20);
    assertThat(json.get("highlights").get(0).asText()).isEqualTo("regulation.verified-licences");
  }
}
