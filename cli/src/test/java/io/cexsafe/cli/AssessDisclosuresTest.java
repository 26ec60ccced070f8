package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cexsafe assess --offline} with the bundled disclosures and a user directory. */
class AssessDisclosuresTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** assess --format json gives {envelope, "assessments": [{"bundle": ..., "scorecard": ...}]}. */
  private static EvidenceBundle bundleOf(String json) {
    try {
      return EvidenceBundle.fromJson(
          Json.mapper().readTree(json).at("/assessments/0/bundle").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void offlineAssessmentOfCryptoComHasEvidenceInAllEightPillars() {
    Result result = run("assess", "crypto-com", "--offline", "--format", "json");

    assertThat(result.code()).as(result.err()).isZero();
    EvidenceBundle bundle = bundleOf(result.out());
    Set<Pillar> covered = EnumSet.noneOf(Pillar.class);
    for (Evidence evidence : bundle.evidence()) {
      covered.addAll(evidence.pillars());
    }
    assertThat(covered).containsExactlyInAnyOrder(Pillar.values());
  }

  @Test
  void aUserDirectoryOverridesABundledFactAndTheReportShowsTheOverridingSource()
      throws IOException {
    Files.writeString(
        dir.resolve("crypto-com.json"),
        """
        {"exchange": "crypto-com", "curatedOn": "2026-11-20", "facts": [
          {"id": "cdc-cold-storage",
           "fact": {"type": "cold-storage", "coldShare": 0.9, "claim": "90% of assets offline"},
           "source": {"url": "https://research.example/cdc-custody", "title": "Our custody review"},
           "observedOn": "2026-11-01", "evidenceClass": "third-party-report"}]}
        """,
        StandardCharsets.UTF_8);

    Result json =
        run(
            "assess",
            "crypto-com",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--format",
            "json",
            "--set",
            "disclosures.dir=" + dir);
    assertThat(json.code()).as(json.err()).isZero();
    Evidence cold =
        bundleOf(json.out()).evidence().stream()
            .filter(e -> e.id().equals("disclosures:cdc-cold-storage"))
            .findFirst()
            .orElseThrow();
    assertThat(cold.provenance().sourceUrl())
        .isEqualTo(URI.create("https://research.example/cdc-custody"));
    assertThat(cold.provenance().note()).startsWith("overrides bundled fact 'cdc-cold-storage'");

    Result table =
        run(
            "assess",
            "crypto-com",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--evidence",
            "--set",
            "disclosures.dir=" + dir);
    assertThat(table.code()).isZero();
    assertThat(table.out())
        .contains("cold storage 90.0%: 90% of assets offline")
        .contains("Our custody review <https://research.example/cdc-custody>");
  }

  @Test
  void aMalformedUserFileExitsTwoNamingTheFileAndTheField() throws IOException {
    Path file = dir.resolve("kraken.json");
    Files.writeString(
        file,
        """
        {"exchange": "kraken", "curatedOn": "2026-11-20", "facts": [
          {"id": "k1", "fact": {"type": "cold-storage", "claim": "most assets offline"},
           "source": {"title": "notes"}, "observedOn": "2026-11-01",
           "evidenceClass": "third-party-report"}]}
        """,
        StandardCharsets.UTF_8);

    Result result = run("assess", "kraken", "--offline", "--set", "disclosures.dir=" + dir);

    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err().strip())
        .isEqualTo("cexsafe: error: " + file + ": $.facts[0].source.url: missing");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnknownFactTypeInAUserFileExitsTwo() throws IOException {
    Path file = dir.resolve("okx.json");
    Files.writeString(
        file,
        """
        {"exchange": "okx", "curatedOn": "2026-11-20", "facts": [
          {"id": "o1", "fact": {"type": "rumour"},
           "source": {"url": "https://n.example", "title": "notes"}, "observedOn": "2026-11-01",
           "evidenceClass": "third-party-report"}]}
        """,
        StandardCharsets.UTF_8);

    Result result = run("assess", "okx", "--offline", "--set", "disclosures.dir=" + dir);

    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err())
        .contains(file.toString(), "$.facts[0].fact.type", "unknown fact type 'rumour'")
        .doesNotContain("Exception");
  }
}
