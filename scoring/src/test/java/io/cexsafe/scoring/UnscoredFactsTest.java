package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.facts.ColdStorage;
import io.cexsafe.facts.ExtensionFact;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.UserBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnscoredFactsTest {
  private static final Instant AS_OF = Instant.parse("2026-11-21T00:00:00Z");

  static Evidence evidence(Fact fact, String source) {
    return Evidence.of(
        "acme",
        fact,
        Provenance.builder("plugin")
            .source("https://example.org/" + source, source)
            .observedAt(Instant.parse("2026-11-01T00:00:00Z"))
            .retrievedAt(AS_OF)
            .evidenceClass(EvidenceClass.INDEPENDENT_ATTESTATION)
            .build());
  }

  static ExtensionFact extension(String kind, Set<Pillar> pillars) {
    return new ExtensionFact(kind, pillars, ExtensionFact.newPayload().put("n", 1), kind);
  }

  static Scorecard score(Evidence... evidence) {
    return Scorer.standard()
        .score(new EvidenceBundle("acme", AS_OF, new ArrayList<>(List.of(evidence)), List.of()));
  }

  @Test
  void factsThatInformAPillarButNoRuleReadsAreListedInIdOrder() {
    Evidence b = evidence(extension("acme.b", Set.of(Pillar.CUSTODY)), "b");
    Evidence a = evidence(extension("acme.a", Set.of(Pillar.SUPPORT)), "a");
    Scorecard card = score(b, a, evidence(new ColdStorage(0.9, "mostly offline"), "cold"));
    List<UnscoredFact> expected =
        new ArrayList<>(
            List.of(
                new UnscoredFact(a.id(), "extension", "acme.a"),
                new UnscoredFact(b.id(), "extension", "acme.b")));
    expected.sort(java.util.Comparator.comparing(UnscoredFact::evidenceId));
    assertThat(card.unscoredFacts()).containsExactlyElementsOf(expected);
    assertThat(card.unscoredFacts().get(0).label()).startsWith("extension acme.");
  }

  @Test
  void contextOnlyFactsAndReadFactsAreNotListed() {
    Scorecard card =
        score(
            evidence(new UserBase(10, null), "users"),
            evidence(extension("acme.note", Set.of()), "note"),
            evidence(new ColdStorage(0.9, "mostly offline"), "cold"));
    assertThat(card.unscoredFacts()).isEmpty();
    assertThat(card.toJson()).doesNotContain("unscoredFacts");
  }

  @Test
  void theListSurvivesTheScorecardJson() {
    Scorecard card = score(evidence(extension("acme.b", Set.of(Pillar.CUSTODY)), "b"));
    String json = card.toJson();
    assertThat(json).contains("\"unscoredFacts\"").contains("\"kind\" : \"acme.b\"");
    assertThat(Scorecard.fromJson(json)).isEqualTo(card);
    assertThat(Scorecard.fromJson(json).toJson()).isEqualTo(json);
  }

  @Test
  void anEntryNeedsItsEvidenceIdAndType() {
    assertThatThrownBy(() -> new UnscoredFact(null, "extension", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("evidenceId");
    assertThat(new UnscoredFact("e", "licence", null).label()).isEqualTo("licence");
  }
}
