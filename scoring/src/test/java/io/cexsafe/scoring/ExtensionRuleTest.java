package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.facts.ExtensionFact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtensionRuleTest {
  private static final Instant AS_OF = Instant.parse("2026-11-21T00:00:00Z");
  private static final String WEIGHTS =
      "\"weights\": {\"custody\": 20, \"proof-of-reserves\": 15, \"insurance\": 15,"
          + " \"regulation\": 10, \"app-security\": 10, \"track-record\": 10,"
          + " \"user-experience\": 10, \"support\": 10}";
  private static final String RULE =
      "{\"kind\": \"acme.cold-wallet-audit\", \"pillar\": \"custody\", \"title\": \"Audited cold"
          + " share\", \"maxPoints\": 25, \"field\": \"/coldShare\", \"higherIsBetter\": true,"
          + " \"zeroAt\": 0.5, \"fullAt\": 0.9}";

  static Methodology methodology(String extensions) {
    return Methodology.fromJson(
        "{\"id\": \"acme\", \"version\": \"1\", "
            + WEIGHTS
            + ", \"extensions\": "
            + extensions
            + "}",
        "acme.json");
  }

  static Evidence audit(String coldShare, EvidenceClass trust, String observed) {
    ExtensionFact fact =
        ExtensionFact.of(
            "acme.cold-wallet-audit",
            List.of(Pillar.CUSTODY),
            ExtensionFact.newPayload().put("coldShare", new BigDecimal(coldShare)),
            "audit: " + coldShare + " cold");
    return Evidence.of(
        "acme",
        fact,
        Provenance.builder("acme-audits")
            .source("https://audits.example/" + observed, "Acme audit")
            .observedAt(Instant.parse(observed + "T00:00:00Z"))
            .retrievedAt(AS_OF)
            .evidenceClass(trust)
            .build());
  }

  static Scorecard score(Methodology methodology, Evidence... evidence) {
    return Scorer.of(methodology)
        .score(new EvidenceBundle("acme", AS_OF, List.of(evidence), List.of()));
  }

  @Test
  void aDeclaredRuleScoresItsKindOnTheCurveAndTheFactIsNoLongerUnscored() {
    Methodology methodology = methodology("[" + RULE + "]");
    Scorecard card =
        score(methodology, audit("0.7", EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED, "2026-11-01"));
    RuleResult rule = card.rule("custody.acme.cold-wallet-audit");
    assertThat(rule.maxPoints()).isEqualTo(25);
    assertThat(rule.points()).isEqualTo(12.5); // halfway between 0.5 and 0.9
    assertThat(rule.status()).isEqualTo(RuleStatus.KNOWN);
    assertThat(rule.explanation()).contains("/coldShare = 0.7").contains("12.5/25");
    assertThat(card.unscoredFacts()).isEmpty();
    // the built-in custody rules know nothing here: the pillar is 12.5 of 125 points, scaled to 100
    PillarScore custody = card.pillar(Pillar.CUSTODY);
    assertThat(custody.low()).isCloseTo(10.0, within(0.01));
    assertThat(custody.coverage()).isCloseTo(0.2, within(0.01));
  }

  @Test
  void claimsEarnLessThanVerification() {
    Methodology methodology = methodology("[" + RULE + "]");
    double verified =
        score(methodology, audit("0.9", EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED, "2026-11-01"))
            .rule("custody.acme.cold-wallet-audit")
            .points();
    double claimed =
        score(methodology, audit("0.9", EvidenceClass.EXCHANGE_DISCLOSURE, "2026-11-01"))
            .rule("custody.acme.cold-wallet-audit")
            .points();
    assertThat(verified).isEqualTo(25);
    assertThat(claimed).isEqualTo(17.5);
  }

  @Test
  void theMostTrustedThenNewestFactWins() {
    Methodology methodology = methodology("[" + RULE + "]");
    Scorecard card =
        score(
            methodology,
            audit("0.5", EvidenceClass.INDEPENDENT_ATTESTATION, "2026-10-01"),
            audit("0.9", EvidenceClass.INDEPENDENT_ATTESTATION, "2026-11-01"),
            audit("0.6", EvidenceClass.EXCHANGE_DISCLOSURE, "2026-11-10"));
    assertThat(card.rule("custody.acme.cold-wallet-audit").value()).isEqualTo("0.9");
  }

  @Test
  void withoutTheFactTheRuleIsUnknownAndANumberlessPayloadSaysWhy() {
    Methodology methodology = methodology("[" + RULE + "]");
    assertThat(score(methodology).rule("custody.acme.cold-wallet-audit").status())
        .isEqualTo(RuleStatus.UNKNOWN);
    Evidence text =
        Evidence.of(
            "acme",
            ExtensionFact.of(
                "acme.cold-wallet-audit",
                Set.of(Pillar.CUSTODY),
                ExtensionFact.newPayload().put("coldShare", "most"),
                "audit"),
            Provenance.builder("acme-audits")
                .source("https://audits.example/x", "Acme audit")
                .observedAt(AS_OF)
                .retrievedAt(AS_OF)
                .evidenceClass(EvidenceClass.INDEPENDENT_ATTESTATION)
                .build());
    RuleResult rule = score(methodology, text).rule("custody.acme.cold-wallet-audit");
    assertThat(rule.status()).isEqualTo(RuleStatus.UNKNOWN);
    assertThat(rule.explanation()).endsWith("has no number at /coldShare");
  }

  @Test
  void otherKindsStayUnscored() {
    Methodology methodology = methodology("[" + RULE + "]");
    Evidence other =
        Evidence.of(
            "acme",
            ExtensionFact.of(
                "acme.other", Set.of(Pillar.CUSTODY), ExtensionFact.newPayload(), "other"),
            Provenance.builder("acme-audits")
                .source("https://audits.example/o", "Other")
                .observedAt(AS_OF)
                .retrievedAt(AS_OF)
                .evidenceClass(EvidenceClass.INDEPENDENT_ATTESTATION)
                .build());
    assertThat(score(methodology, other).unscoredFacts())
        .extracting(UnscoredFact::kind)
        .containsExactly("acme.other");
  }

  @Test
  void withoutExtensionRulesScoresAreUnchanged() {
    Evidence audit = audit("0.7", EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED, "2026-11-01");
    Methodology plain = methodology("[]");
    Scorecard withEmptyList = score(plain, audit);
    Scorecard standard =
        Scorer.standard().score(new EvidenceBundle("acme", AS_OF, List.of(audit), List.of()));
    assertThat(withEmptyList.pillars()).isEqualTo(standard.pillars());
    assertThat(plain.extensionRules()).isEmpty();
    assertThat(plain.toJson()).doesNotContain("extensions");
  }

  @Test
  void theMethodologyJsonRoundTripsItsExtensionRules() {
    Methodology methodology = methodology("[" + RULE + "]");
    assertThat(Methodology.fromJson(methodology.toJson(), "again.json")).isEqualTo(methodology);
    assertThat(methodology.describe()).endsWith(" + 1 extension rule(s)");
  }

  @Test
  void badDeclarationsAreOneLineErrorsNamingThePath() {
    assertError("{}", "$.extensions", "extensions must be an array");
    assertError("[1]", "$.extensions[0]", "an extension rule must be a JSON object");
    assertError(
        "[" + RULE.replace("\"zeroAt\"", "\"zeroat\"") + "]",
        "$.extensions[0].zeroat",
        "unknown field 'zeroat'");
    assertError(
        "[" + RULE.replace("acme.cold-wallet-audit", "coldwallet") + "]",
        "$.extensions[0]",
        "must be namespaced");
    assertError(
        "[" + RULE.replace("\"custody\"", "\"custodie\"") + "]",
        "$.extensions[0].pillar",
        "unknown pillar 'custodie'");
    assertError(
        "[" + RULE.replace("\"/coldShare\"", "\"coldShare\"") + "]",
        "$.extensions[0]",
        "field must be a JSON Pointer");
    assertError(
        "[" + RULE.replace("\"zeroAt\": 0.5", "\"zeroAt\": 0.95") + "]",
        "$.extensions[0]",
        "zeroAt (0.95) must be below fullAt (0.9)");
    assertError(
        "[" + RULE.replace("25", "101") + "]",
        "$.extensions[0]",
        "maxPoints must be within (0, 100]");
    assertError(
        "[" + RULE.replace("true", "\"yes\"") + "]",
        "$.extensions[0].higherIsBetter",
        "higherIsBetter must be true or false");
    assertError("[" + RULE + ", " + RULE + "]", "$.extensions", "declared twice");
    assertError(
        "["
            + RULE.replace("25", "60")
            + ", "
            + RULE.replace("25", "60").replace("cold-wallet-audit", "b")
            + "]",
        "$.extensions",
        "award up to 120 points; at most 100");
  }

  private static void assertError(String extensions, String path, String message) {
    assertThatThrownBy(() -> methodology(extensions))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("acme.json")
        .hasMessageContaining(path)
        .hasMessageContaining(message);
  }
}
