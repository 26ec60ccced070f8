package io.cexsafe.scoring;

import static io.cexsafe.scoring.Fixtures.AS_OF;
import static io.cexsafe.scoring.Fixtures.TODAY;
import static io.cexsafe.scoring.Fixtures.bundle;
import static io.cexsafe.scoring.Fixtures.claimedLicence;
import static io.cexsafe.scoring.Fixtures.control;
import static io.cexsafe.scoring.Fixtures.daysAgo;
import static io.cexsafe.scoring.Fixtures.disclosed;
import static io.cexsafe.scoring.Fixtures.ev;
import static io.cexsafe.scoring.Fixtures.registerLicence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.facts.AccountControl;
import io.cexsafe.facts.AssetReserveRatio;
import io.cexsafe.facts.AttestorIndependence;
import io.cexsafe.facts.ColdStorage;
import io.cexsafe.facts.ControlAvailability;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.IncidentRecordCheck;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.PorAttestation;
import io.cexsafe.facts.PorCadence;
import io.cexsafe.facts.PorMethod;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.facts.Reimbursement;
import io.cexsafe.facts.ReserveSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private final Scorer scorer = Scorer.standard();

  @Test
  void realisticBundleGivesAFullScorecard() {
    Scorecard card = scorer.score(Fixtures.realisticBundle("acme"));
    assertThat(card.exchangeId()).isEqualTo("acme");
    assertThat(card.methodology()).isEqualTo("cexsafe-default");
    assertThat(card.methodologyVersion()).isEqualTo("1.0");
    assertThat(card.asOf()).isEqualTo(AS_OF);
    assertThat(card.pillars()).extracting(PillarScore::pillar).containsExactly(Pillar.values());
    assertThat(card.estimate()).isBetween(card.low(), card.high());
    assertThat(card.rulesVersion()).isEqualTo("2.0");
    assertThat(card.estimate()).isGreaterThan(50);
    assertThat(card.confidence()).isGreaterThan(0.7);
    assertThat(card.provisional()).isFalse();
    assertThat(card.grade()).isEqualTo(Grade.of(card.estimate()).atMost(card.cap()));
    for (PillarScore pillar : card.pillars()) {
      assertThat(pillar.estimate()).as(pillar.pillar().id()).isNotNull();
      assertThat(pillar.rules().stream().mapToDouble(RuleResult::maxPoints).sum()).isEqualTo(100);
    }
    RuleResult cold = card.rule("custody.cold-storage");
    // methodology 2.0: the exchange's own disclosure earns 0.7 of what a verified fact earns
    assertThat(cold.points()).isEqualTo(10.5);
    assertThat(cold.explanation())
        .isEqualTo(
            "disclosed cold-storage share 95.0%: 10.5/15 (15 as exchange disclosure, x0.7 for a"
                + " claim)");
    assertThat(cold.evidenceIds()).hasSize(1);
    // the claimed MAS licence is reported as unverified
    assertThat(card.findings())
        .anySatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.CLAIM_UNVERIFIED);
              assertThat(f.message()).contains("MAS");
            });
  }

  @Test
  void emptyBundleIsUnknownNotZeroAndNotRated() {
    Scorecard card = scorer.score(bundle());
    // methodology 2.0: unknown counts at the prior (25), and there is no letter grade
    assertThat(card.estimate()).isEqualTo(25);
    assertThat(card.grade()).isNull();
    assertThat(card.uncappedGrade()).isNull();
    assertThat(card.rated()).isFalse();
    assertThat(card.notRatedReason()).isEqualTo("evidence covers 0 % of the weight");
    assertThat(card.gradeLabel()).isEqualTo("NR (evidence covers 0 % of the weight)");
    assertThat(card.low()).isZero();
    assertThat(card.high()).isEqualTo(100);
    assertThat(card.confidence()).isZero();
    assertThat(card.provisional()).isFalse();
    assertThat(card.pillars())
        .allSatisfy(
            p -> {
              assertThat(p.estimate()).isEqualTo(25);
              assertThat(p.coverage()).isZero();
              assertThat(p.rules()).allMatch(r -> r.status() == RuleStatus.UNKNOWN);
            });
  }

  @Test
  void sameInputsGiveByteIdenticalJsonWhateverTheEvidenceOrder() {
    List<Evidence> evidence = new ArrayList<>(Fixtures.realistic("acme"));
    String first = scorer.score(Fixtures.realisticBundle("acme")).toJson();
    assertThat(scorer.score(Fixtures.realisticBundle("acme")).toJson()).isEqualTo(first);
    Collections.shuffle(evidence, new Random(7));
    EvidenceBundle shuffled =
        new EvidenceBundle("acme", AS_OF, evidence, Fixtures.realisticBundle("acme").outcomes());
    assertThat(scorer.score(shuffled).toJson()).isEqualTo(first);
  }

  @Test
  void scorecardJsonRoundTrips() {
    Scorecard card = scorer.score(Fixtures.realisticBundle("acme"));
    String json = card.toJson();
    assertThat(json)
        .contains("\"asOf\" : \"2026-11-01T00:00:00Z\"")
        .contains("\"status\" : \"known\"");
    assertThat(Scorecard.fromJson(json)).isEqualTo(card);
  }

  @Test
  void claimedLicenceEarnsHalfOfARegisterConfirmedOne() {
    Scorecard claimed = scorer.score(bundle(disclosed(claimedLicence("SG", "MAS", "PS1"))));
    Scorecard confirmed =
        scorer.score(
            bundle(
                ev(
                    registerLicence("SG", "MAS", "PS1", LicenceStatus.ACTIVE),
                    EvidenceClass.REGULATOR_REGISTER,
                    "regulators",
                    daysAgo(1))));
    double half = claimed.rule("regulation.verified-licences").points();
    double full = confirmed.rule("regulation.verified-licences").points();
    // methodology 2.0: the rule is worth 60 (was 70)
    assertThat(half).isEqualTo(12);
    assertThat(full).isEqualTo(24);
  }

  @Test
  void manyClaimsAloneNeverEarnMoreThanHalf() {
    List<Evidence> claims = new ArrayList<>();
    String[][] where = {
      {"GB", "FCA"},
      {"SG", "MAS"},
      {"US", "NYDFS"},
      {"IE", "CBI"},
      {"JP", "JFSA"},
      {"CH", "FINMA"},
      {"HK", "SFC"}
    };
    for (String[] w : where) {
      claims.add(disclosed(claimedLicence(w[0], w[1], w[1] + "-1")));
    }
    Scorecard card = scorer.score(bundle(claims));
    assertThat(card.rule("regulation.verified-licences").points()).isEqualTo(30);
    assertThat(card.rule("regulation.jurisdiction-breadth").points()).isEqualTo(7.5);
  }

  @Test
  void registerNotFoundForAClaimedIdentifierIsAFindingAndTheRegisterWins() {
    Scorecard card =
        scorer.score(
            bundle(
                disclosed(claimedLicence("GB", "FCA", "123456")),
                ev(
                    registerLicence("GB", "FCA", "123456", LicenceStatus.NOT_FOUND),
                    EvidenceClass.REGULATOR_REGISTER,
                    "regulators",
                    daysAgo(1))));
    assertThat(card.rule("regulation.verified-licences").points()).isZero();
    assertThat(card.findings())
        .anySatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.kind()).isEqualTo(FindingKind.CONFLICT);
              assertThat(f.message())
                  .isEqualTo(
                      "FCA register has no entry 123456 for the claimed licence of Acme Ltd");
              assertThat(f.evidenceIds()).hasSize(2);
            });
  }

  @Test
  void higherEvidenceClassWinsAConflictThenTheNewer() {
    Evidence disclosure =
        ev(
            control(AccountControl.PASSKEYS, ControlAvailability.MANDATORY),
            EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures",
            daysAgo(100));
    Evidence userReport =
        ev(
            control(AccountControl.PASSKEYS, ControlAvailability.NOT_OFFERED),
            EvidenceClass.USER_REPORTS,
            "reviews",
            daysAgo(1));
    Scorecard card = scorer.score(bundle(disclosure, userReport));
    // the disclosure wins; as a claim it earns 0.7 of the maximum
    assertThat(card.rule("app-security.passkeys").points()).isEqualTo(10.5);
    Finding conflict =
        card.findings().stream()
            .filter(f -> f.kind() == FindingKind.CONFLICT)
            .findFirst()
            .orElseThrow();
    assertThat(conflict.evidenceIds()).containsExactly(disclosure.id(), userReport.id());
    assertThat(conflict.message()).contains("(more trusted)");

    Evidence newerDisclosure =
        ev(
            control(AccountControl.PASSKEYS, ControlAvailability.OPTIONAL),
            EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures-archive",
            daysAgo(5));
    Scorecard newer = scorer.score(bundle(disclosure, newerDisclosure));
    assertThat(newer.rule("app-security.passkeys").points()).isEqualTo(7.35);
    assertThat(newer.findings()).anySatisfy(f -> assertThat(f.message()).contains("(newer)"));
  }

  @Test
  void trackRecordIsUnknownUntilAnIncidentSourceWasChecked() {
    Scorecard nothing = scorer.score(bundle());
    assertThat(nothing.pillar(Pillar.TRACK_RECORD).coverage()).isZero();

    EvidenceBundle ranOnly =
        new EvidenceBundle("acme", AS_OF, List.of(), List.of(Fixtures.ok("defillama", 0)));
    assertThat(scorer.score(ranOnly).pillar(Pillar.TRACK_RECORD).coverage())
        .as("a collector that ran but recorded no search proves nothing")
        .isZero();

    Evidence search =
        ev(
            new IncidentRecordCheck("DeFiLlama hacks", 0, null),
            EvidenceClass.THIRD_PARTY_REPORT,
            "defillama",
            daysAgo(1));
    Scorecard clean =
        scorer.score(
            new EvidenceBundle(
                "acme", AS_OF, List.of(search), List.of(Fixtures.ok("defillama", 1))));
    assertThat(clean.pillar(Pillar.TRACK_RECORD).estimate()).isEqualTo(100);
    assertThat(clean.pillar(Pillar.TRACK_RECORD).rules().get(0).evidenceIds())
        .containsExactly(search.id());

    Scorecard configuredSource =
        Scorer.builder(Methodology.defaultMethodology())
            .incidentSources(List.of("hacks-feed"))
            .build()
            .score(
                new EvidenceBundle(
                    "acme", AS_OF, List.of(), List.of(Fixtures.ok("hacks-feed", 0))));
    assertThat(configuredSource.pillar(Pillar.TRACK_RECORD).estimate())
        .as("an incident collector configured as such still counts when it reports ok")
        .isEqualTo(100);

    Evidence hack =
        ev(
            new Incident(
                TODAY.minusDays(100),
                IncidentKind.HACK,
                new BigDecimal("600000000"),
                null,
                null,
                Reimbursement.NONE,
                null,
                null,
                List.of(),
                null,
                null),
            EvidenceClass.THIRD_PARTY_REPORT,
            "defillama",
            daysAgo(90));
    Scorecard unsearched = scorer.score(bundle(hack));
    assertThat(unsearched.pillar(Pillar.TRACK_RECORD).coverage())
        .as(
            "methodology 2.0: an incident without the search that found it leaves the pillar unknown")
        .isZero();
    assertThat(unsearched.pillar(Pillar.TRACK_RECORD).estimate())
        .isEqualTo(scorer.score(bundle()).pillar(Pillar.TRACK_RECORD).estimate());
    assertThat(unsearched.redFlags())
        .extracting(RedFlag::kind)
        .containsExactly(RedFlagKind.UNREIMBURSED_LOSS);
    Scorecard hacked =
        scorer.score(
            new EvidenceBundle(
                "acme", AS_OF, List.of(hack, search), List.of(Fixtures.ok("defillama", 1))));
    PillarScore track = hacked.pillar(Pillar.TRACK_RECORD);
    assertThat(track.coverage()).isEqualTo(1);
    // severity 1.0 (USD 600M, reserves unknown), 100 days old, not reimbursed
    assertThat(track.rule("track-record.losses").points())
        .isCloseTo(70 - 70 * Math.pow(0.5, 100 / 730.0), within(0.01));
    assertThat(hacked.findings())
        .anySatisfy(
            f ->
                assertThat(f.message())
                    .startsWith("recent severe incident without full reimbursement"));
  }

  @Test
  void fullReimbursementAndAgeSoftenAnIncident() {
    Incident recent =
        new Incident(
            TODAY.minusDays(30),
            IncidentKind.HACK,
            new BigDecimal("60000000"),
            null,
            null,
            Reimbursement.NONE,
            null,
            null,
            List.of(),
            null,
            null);
    Incident repaidOld =
        new Incident(
            TODAY.minusYears(4),
            IncidentKind.HACK,
            new BigDecimal("60000000"),
            null,
            null,
            Reimbursement.FULL,
            6,
            true,
            List.of("cold storage moved to MPC"),
            null,
            null);
    Evidence search =
        ev(
            new IncidentRecordCheck("DeFiLlama hacks", 1, null),
            EvidenceClass.THIRD_PARTY_REPORT,
            "defillama",
            daysAgo(1));
    double recentPoints =
        scorer
            .score(
                bundle(
                    ev(recent, EvidenceClass.THIRD_PARTY_REPORT, "defillama", daysAgo(1)), search))
            .rule("track-record.losses")
            .points();
    double oldPoints =
        scorer
            .score(
                bundle(
                    ev(repaidOld, EvidenceClass.THIRD_PARTY_REPORT, "defillama", daysAgo(1)),
                    search))
            .rule("track-record.losses")
            .points();
    // severity 0.6 (absolute tier, reserves unknown): 70 - 42 * 0.5^(30/730)
    assertThat(recentPoints).isCloseTo(70 - 42 * Math.pow(0.5, 30 / 730.0), within(0.01));
    assertThat(oldPoints).isGreaterThan(recentPoints);
    assertThat(oldPoints).isCloseTo(70 - 42 * 0.25 * 0.25, within(0.05));
  }

  @Test
  void proofOfReservesAgeDecays() {
    double fresh = attestationAgePoints(TODAY.minusDays(30));
    double year = attestationAgePoints(TODAY.minusDays(411));
    double old = attestationAgePoints(TODAY.minusDays(800));
    assertThat(fresh).isEqualTo(20);
    assertThat(year).isCloseTo(20 * (730 - 411) / (730 - 92.0), within(0.01));
    assertThat(old).isZero();
  }

  private double attestationAgePoints(LocalDate reportDate) {
    PorAttestation report =
        new PorAttestation(
            reportDate,
            "Auditor",
            PorMethod.ZK_PROOF,
            AttestorIndependence.ZK_PROOF,
            List.of(new AssetReserveRatio("BTC", new BigDecimal("0.97"))),
            PorCadence.MONTHLY,
            true,
            false,
            null);
    Scorecard card =
        scorer.score(
            bundle(ev(report, EvidenceClass.INDEPENDENT_ATTESTATION, "disclosures", daysAgo(1))));
    assertThat(card.findings()).anySatisfy(f -> assertThat(f.message()).contains("BTC 97.0%"));
    return card.rule("proof-of-reserves.attestation-age").points();
  }

  @Test
  void staleEvidenceIsFlaggedAndLowersConfidence() {
    Evidence fresh =
        ev(
            "acme",
            new ColdStorage(0.9, "90% cold"),
            EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures",
            daysAgo(400),
            null);
    Evidence stale =
        ev(
            "acme",
            new ColdStorage(0.9, "90% cold"),
            EvidenceClass.EXCHANGE_DISCLOSURE,
            "disclosures",
            daysAgo(400),
            daysAgo(30));
    Scorecard freshCard = scorer.score(bundle(fresh));
    Scorecard staleCard = scorer.score(bundle(stale));
    assertThat(staleCard.rule("custody.cold-storage").stale()).isTrue();
    assertThat(staleCard.staleEvidenceIds()).containsExactly(stale.id());
    assertThat(staleCard.findings())
        .anySatisfy(f -> assertThat(f.kind()).isEqualTo(FindingKind.STALE));
    assertThat(staleCard.confidence()).isLessThan(freshCard.confidence());
    assertThat(staleCard.rule("custody.cold-storage").points()).isEqualTo(10.5);
  }

  @Test
  void reservesSnapshotFreshnessDecays() {
    ReserveSnapshot snapshot = new ReserveSnapshot(new BigDecimal("1000000000"), null, null, true);
    double day =
        scorer
            .score(bundle(ev(snapshot, EvidenceClass.THIRD_PARTY_REPORT, "defillama", daysAgo(1))))
            .rule("custody.reserves-tracked")
            .points();
    double month =
        scorer
            .score(bundle(ev(snapshot, EvidenceClass.THIRD_PARTY_REPORT, "defillama", daysAgo(48))))
            .rule("custody.reserves-tracked")
            .points();
    // methodology 2.0: the rule is worth 15 (was 20)
    assertThat(day).isEqualTo(15);
    assertThat(month).isCloseTo(15 * (90 - 48) / 83.0, within(0.01));
  }

  @Test
  void unresolvedRegulatorWarningZeroesTheRuleAndIsAFinding() {
    RegulatoryWarning warning =
        new RegulatoryWarning(
            "JP",
            "JFSA",
            "Acme Ltd",
            "unregistered business",
            LocalDate.parse("2025-05-01"),
            null,
            false);
    Scorecard card =
        scorer.score(
            bundle(ev(warning, EvidenceClass.REGULATOR_REGISTER, "regulators", daysAgo(2))));
    assertThat(card.rule("regulation.no-warnings").points()).isZero();
    assertThat(card.rule("regulation.verified-licences").status()).isEqualTo(RuleStatus.UNKNOWN);
    assertThat(card.findings()).anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void oneFactIsNotRatedAndMidConfidenceIsProvisional() {
    // methodology 2.0: one fact no longer becomes the headline (1.0 gave AAA here)
    Scorecard card = scorer.score(bundle(disclosed(new ColdStorage(0.95, "cold"))));
    assertThat(card.estimate()).isEqualTo(26.35);
    assertThat(card.grade()).isNull();
    assertThat(card.provisional()).isFalse();
    assertThat(card.gradeLabel()).startsWith("NR (evidence covers 3 % of the weight");
    assertThat(card.low()).isEqualTo(2.1);
    assertThat(card.high()).isEqualTo(99.1);

    Scorecard realistic = scorer.score(Fixtures.realisticBundle("acme"));
    List<Evidence> fewer =
        Fixtures.realistic("acme").stream()
            .filter(e -> !e.fact().pillars().contains(Pillar.USER_EXPERIENCE))
            .filter(e -> !e.fact().pillars().contains(Pillar.SUPPORT))
            .toList();
    Scorecard thinner =
        scorer.score(
            new EvidenceBundle("acme", AS_OF, fewer, Fixtures.realisticBundle("acme").outcomes()));
    assertThat(realistic.confidence()).isGreaterThanOrEqualTo(Scorer.PROVISIONAL_BELOW);
    assertThat(thinner.confidence())
        .isGreaterThanOrEqualTo(Scorer.NOT_RATED_BELOW)
        .isLessThan(Scorer.PROVISIONAL_BELOW);
    assertThat(thinner.provisional()).isTrue();
    assertThat(thinner.gradeLabel()).endsWith(" (provisional)");
  }

  @Test
  void gradeScaleHasDocumentedFloors() {
    assertThat(Grade.of(90)).isEqualTo(Grade.AAA);
    assertThat(Grade.of(89.99)).isEqualTo(Grade.AA);
    assertThat(Grade.of(60)).isEqualTo(Grade.BBB);
    assertThat(Grade.of(9.99)).isEqualTo(Grade.D);
    assertThat(Grade.of(0)).isEqualTo(Grade.D);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Grade.of(101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ruleDocumentationIsComplete() {
    assertThat(Scorer.rules()).hasSizeGreaterThan(40);
    for (Pillar pillar : Pillar.values()) {
      assertThat(
              Scorer.rules().stream()
                  .filter(r -> r.pillar() == pillar)
                  .mapToDouble(RuleInfo::maxPoints)
                  .sum())
          .isEqualTo(100);
    }
    assertThat(Scorer.rules()).allSatisfy(r -> assertThat(r.rubric()).isNotBlank().endsWith("."));
  }
}
