package io.cexsafe.scoring;

import static io.cexsafe.scoring.Fixtures.bundle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.facts.ColdStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private final Scorer scorer = Scorer.standard();

  @Test
  void ranksOnlyWhereRangesDoNotOverlap() {
    Scorecard good = scorer.score(Fixtures.realisticBundle("good"));
    Scorecard alsoGood = scorer.score(Fixtures.realisticBundle("also-good"));
    Scorecard unknown =
        scorer.score(new EvidenceBundle("unknown", Fixtures.AS_OF, List.of(), List.of()));
    Comparison comparison = Comparison.of(List.of(unknown, good, alsoGood));

    assertThat(comparison.entries())
        .extracting(Comparison.Entry::exchangeId)
        .containsExactly("also-good", "good", "unknown");
    // identical evidence: tied with each other; the unknown exchange is not rated and listed apart
    assertThat(comparison.entries().get(0).rank()).isEqualTo("1-2 (tied)");
    assertThat(comparison.entries().get(1).rank()).isEqualTo("1-2 (tied)");
    assertThat(comparison.entries().get(2).rank()).isEqualTo("not rated");
    assertThat(comparison.entries().get(2).rated()).isFalse();
    assertThat(comparison.statements())
        .contains(
            "unknown is not rated: evidence covers 0 % of the weight, below the 50 % a grade"
                + " needs; it is listed after the rated exchanges");
    assertThat(comparison.statements())
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("also-good and good are tied within what the evidence can tell"));
  }

  @Test
  void claimsRanksWhenRangesAreApart() {
    Scorecard good = scorer.score(Fixtures.realisticBundle("good"));
    Scorecard weak = scorer.score(weakExchange());
    Comparison comparison = Comparison.of(List.of(weak, good));
    assertThat(good.low()).isGreaterThan(weak.high());
    assertThat(comparison.entries().get(0).rank()).isEqualTo("1");
    assertThat(comparison.entries().get(1).rank()).isEqualTo("2");
    assertThat(comparison.statements())
        .containsExactly(
            "good ranks above weak: its low end "
                + String.format(java.util.Locale.ROOT, "%.1f", good.low())
                + " is above the other's high end "
                + String.format(java.util.Locale.ROOT, "%.1f", weak.high()));
  }

  @Test
  void ordersByTheConservativeEndAndNeverListsNotRatedAboveRated() {
    Scorecard good = scorer.score(Fixtures.realisticBundle("good"));
    // one favourable fact: a high estimate is possible, but nothing supports it
    Scorecard thin =
        scorer.score(
            new EvidenceBundle(
                "thin",
                Fixtures.AS_OF,
                List.of(
                    Fixtures.ev(
                        "thin",
                        new ColdStorage(1.0, "all cold"),
                        io.cexsafe.EvidenceClass.INDEPENDENT_ATTESTATION,
                        "disclosures",
                        Fixtures.AS_OF,
                        null)),
                List.of()));
    Comparison comparison = Comparison.of(List.of(thin, good));
    assertThat(thin.high()).isGreaterThan(good.high());
    assertThat(comparison.entries())
        .extracting(Comparison.Entry::exchangeId)
        .containsExactly("good", "thin");
    assertThat(comparison.entries().get(1).grade()).startsWith("NR (");
  }

  private EvidenceBundle weakExchange() {
    List<io.cexsafe.Evidence> evidence = Fixtures.realistic("weak");
    // keep every fact but degrade the ones that decide the score
    List<io.cexsafe.Evidence> degraded = new java.util.ArrayList<>();
    for (io.cexsafe.Evidence e : evidence) {
      if (e.fact() instanceof ColdStorage) {
        degraded.add(
            Fixtures.ev(
                "weak",
                new ColdStorage(0.2, "some cold"),
                e.evidenceClass(),
                "disclosures",
                e.provenance().observedAt(),
                null));
      } else if (e.fact() instanceof io.cexsafe.facts.PorAttestation
          || e.fact() instanceof io.cexsafe.facts.InsurancePolicy
          || e.fact() instanceof io.cexsafe.facts.Licence
          || e.fact() instanceof io.cexsafe.facts.SecurityControl) {
        continue;
      } else {
        degraded.add(e);
      }
    }
    degraded.add(
        Fixtures.ev(
            "weak",
            new io.cexsafe.facts.PorDashboard(
                java.net.URI.create("https://weak.test/wallets"), false, null),
            io.cexsafe.EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures",
            Fixtures.daysAgo(5),
            null));
    degraded.add(
        Fixtures.ev(
            "weak",
            new io.cexsafe.facts.InsurancePolicy(
                java.math.BigDecimal.valueOf(1_000_000),
                null,
                null,
                java.util.Set.of(io.cexsafe.facts.InsuranceScope.COLD_STORAGE),
                null,
                false,
                null),
            io.cexsafe.EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures",
            Fixtures.daysAgo(5),
            null));
    degraded.add(
        Fixtures.ev(
            "weak",
            Fixtures.registerLicence("GB", "FCA", "999", io.cexsafe.facts.LicenceStatus.NOT_FOUND),
            io.cexsafe.EvidenceClass.REGULATOR_REGISTER,
            "regulators",
            Fixtures.daysAgo(1),
            null));
    for (io.cexsafe.facts.AccountControl c : io.cexsafe.facts.AccountControl.values()) {
      degraded.add(
          Fixtures.ev(
              "weak",
              new io.cexsafe.facts.SecurityControl(
                  c, io.cexsafe.facts.ControlAvailability.NOT_OFFERED, null, false, null),
              io.cexsafe.EvidenceClass.EXCHANGE_DISCLOSURE,
              "disclosures",
              Fixtures.daysAgo(5),
              null));
    }
    for (io.cexsafe.facts.CertificationStandard s :
        io.cexsafe.facts.CertificationStandard.values()) {
      degraded.add(
          Fixtures.ev(
              "weak",
              new io.cexsafe.facts.Certification(
                  s, null, null, null, Fixtures.TODAY.minusDays(10), null),
              io.cexsafe.EvidenceClass.EXCHANGE_DISCLOSURE,
              "disclosures",
              Fixtures.daysAgo(5),
              null));
    }
    degraded.add(
        Fixtures.ev(
            "weak",
            new io.cexsafe.facts.SelfInsuranceFund("fund", null, null),
            io.cexsafe.EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures",
            Fixtures.daysAgo(5),
            null));
    degraded.add(
        Fixtures.ev(
            "weak",
            new io.cexsafe.facts.SecurityRating(
                "CER", java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, null),
            io.cexsafe.EvidenceClass.THIRD_PARTY_REPORT,
            "disclosures",
            Fixtures.daysAgo(5),
            null));
    degraded.add(
        Fixtures.ev(
            "weak",
            new io.cexsafe.facts.ComplaintHandling(60, false, false, null),
            io.cexsafe.EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures",
            Fixtures.daysAgo(5),
            null));
    degraded.add(
        Fixtures.ev(
            "weak",
            new io.cexsafe.facts.CustodyProvider(
                "x", io.cexsafe.facts.CustodyRole.TECHNOLOGY, false, null),
            io.cexsafe.EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures",
            Fixtures.daysAgo(5),
            null));
    degraded.add(
        Fixtures.ev(
            "weak",
            new io.cexsafe.facts.Incident(
                Fixtures.TODAY.minusDays(200),
                io.cexsafe.facts.IncidentKind.HACK,
                java.math.BigDecimal.valueOf(2_000_000_000L),
                null,
                null,
                io.cexsafe.facts.Reimbursement.NONE,
                null,
                false,
                List.of(),
                null,
                null),
            io.cexsafe.EvidenceClass.THIRD_PARTY_REPORT,
            "defillama",
            Fixtures.daysAgo(5),
            null));
    return new EvidenceBundle("weak", Fixtures.AS_OF, degraded, List.of());
  }

  @Test
  void matrixShowsEachControlForEachExchange() {
    Scorecard a = scorer.score(Fixtures.realisticBundle("a"));
    Scorecard b = scorer.score(bundle(Fixtures.disclosed(new ColdStorage(0.5, "half"))));
    Comparison comparison =
        Comparison.of(List.of(a, b), List.of("custody.cold-storage", "app-security.passkeys"));
    assertThat(comparison.controls()).hasSize(2);
    Comparison.ControlRow cold = comparison.controls().get(0);
    assertThat(cold.title()).isEqualTo("Disclosed cold-storage share");
    assertThat(cold.cells())
        .extracting(Comparison.Cell::value)
        .containsExactly("95.0% cold", "50.0% cold");
    Comparison.ControlRow passkeys = comparison.controls().get(1);
    assertThat(passkeys.cells().get(1).status()).isEqualTo(RuleStatus.UNKNOWN);
    assertThat(Comparison.of(List.of(a)).controls()).hasSize(Comparison.DEFAULT_CONTROLS.size());
    assertThat(comparison.toJson()).contains("\"ruleId\" : \"custody.cold-storage\"");
  }

  @Test
  void rejectsMixedMethodologiesDuplicatesAndUnknownRules() {
    Scorecard a = scorer.score(Fixtures.realisticBundle("a"));
    Scorecard other =
        Scorer.of(Personas.find("institution").methodology()).score(Fixtures.realisticBundle("b"));
    assertThatThrownBy(() -> Comparison.of(List.of(a, other)))
        .hasMessageContaining("different methodologies");
    assertThatThrownBy(() -> Comparison.of(List.of(a, a))).hasMessage("a appears twice");
    assertThatThrownBy(() -> Comparison.of(List.of(a), List.of("nope")))
        .hasMessage("unknown rule 'nope'");
    assertThatThrownBy(() -> Comparison.of(List.of())).hasMessage("nothing to compare");
  }
}
