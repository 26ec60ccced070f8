package io.cexsafe.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.facts.ExtensionFact;
import io.cexsafe.scoring.Scorer;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plugin's extension fact shows as evidence in every format that lists evidence, and, since no
 * rule reads it, as "collected but not scored"; without such facts nothing about them is printed.
 */
class ExtensionAndUnscoredFactsTest {
  private static final String SUMMARY = "cold-wallet audit by Example Audit LLP: 95 % cold";

  static ExchangeAssessment withExtension() {
    ExchangeAssessment base = Samples.acme();
    ObjectNode payload = ExtensionFact.newPayload().put("coldShare", 0.95);
    Evidence audit =
        Evidence.of(
            "acme",
            ExtensionFact.of("acme.cold-wallet-audit", List.of(Pillar.CUSTODY), payload, SUMMARY),
            Provenance.builder("acme-audits")
                .source("https://audits.example/acme", "Acme audit")
                .observedAt(Instant.parse("2026-11-01T00:00:00Z"))
                .retrievedAt(Instant.parse("2026-11-20T00:00:00Z"))
                .evidenceClass(EvidenceClass.INDEPENDENT_ATTESTATION)
                .build());
    List<Evidence> evidence = new ArrayList<>(base.bundle().evidence());
    evidence.add(audit);
    EvidenceBundle bundle =
        new EvidenceBundle("acme", base.bundle().asOf(), evidence, base.bundle().outcomes());
    return ExchangeAssessment.of(base.exchange(), bundle, Scorer.standard().score(bundle));
  }

  static String render(ReportFormat format, ExchangeAssessment assessment) {
    StringWriter out = new StringWriter();
    ReportWriter.of(format).listingEvidence(true).writeAssessments(List.of(assessment), out);
    return out.toString();
  }

  @Test
  void theScorecardListsTheExtensionFactAsUnscored() {
    ExchangeAssessment assessment = withExtension();
    String id = assessment.bundle().evidence().get(2).id();
    assertThat(assessment.scorecard().unscoredFacts())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.evidenceId()).isEqualTo(id);
              assertThat(u.type()).isEqualTo("extension");
              assertThat(u.kind()).isEqualTo("acme.cold-wallet-audit");
            });
    // the built-in facts of the sample are all read by some rule
    assertThat(Samples.acme().scorecard().unscoredFacts()).isEmpty();
  }

  @Test
  void everyTextFormatShowsTheFactAsEvidenceAndAsUnscored() {
    ExchangeAssessment assessment = withExtension();
    for (ReportFormat format : List.of(ReportFormat.TABLE, ReportFormat.MD, ReportFormat.HTML)) {
      String text = render(format, assessment);
      assertThat(text).as(format.id()).contains(SUMMARY);
      assertThat(text)
          .as(format.id())
          .contains("Collected but not scored (no rule reads these facts)")
          .contains("extension acme.cold-wallet-audit: " + SUMMARY);
    }
  }

  @Test
  void withoutUnscoredFactsNoFormatMentionsThem() {
    for (ReportFormat format : ReportFormat.values()) {
      String text = render(format, Samples.acme());
      assertThat(text).as(format.id()).doesNotContain("not scored").doesNotContain("unscored");
    }
  }

  @Test
  void jsonCarriesThePayloadAndTheUnscoredListAndConformsToTheSchema() throws Exception {
    ExchangeAssessment assessment = withExtension();
    for (ReportFormat format : List.of(ReportFormat.JSON, ReportFormat.JSONL)) {
      JsonNode root = Json.mapper().readTree(render(format, assessment));
      assertThat(SchemaCheck.violations(root)).as(format.id()).isEmpty();
      JsonNode document = format == ReportFormat.JSON ? root.at("/assessments/0") : root;
      JsonNode fact = document.at("/bundle/evidence/2/fact");
      assertThat(fact.get("type").asText()).isEqualTo("extension");
      assertThat(fact.at("/payload/coldShare").decimalValue()).isEqualByComparingTo("0.95");
      assertThat(document.at("/scorecard/unscoredFacts/0/kind").asText())
          .isEqualTo("acme.cold-wallet-audit");
      assertThat(EvidenceBundle.fromJson(Json.write(document.get("bundle"))))
          .isEqualTo(assessment.bundle());
    }
  }

  @Test
  void theSchemaRejectsAnUnscoredEntryWithoutItsEvidenceId() throws Exception {
    ObjectNode document =
        (ObjectNode) Json.mapper().readTree(render(ReportFormat.JSON, withExtension()));
    ((ObjectNode) document.at("/assessments/0/scorecard/unscoredFacts/0")).remove("evidenceId");
    assertThat(SchemaCheck.violations(document)).contains("evidenceId");
  }
}
