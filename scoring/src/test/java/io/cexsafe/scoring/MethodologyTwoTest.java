package io.cexsafe.scoring;

import static io.cexsafe.scoring.Fixtures.AS_OF;
import static io.cexsafe.scoring.Fixtures.TODAY;
import static io.cexsafe.scoring.Fixtures.bundle;
import static io.cexsafe.scoring.Fixtures.daysAgo;
import static io.cexsafe.scoring.Fixtures.disclosed;
import static io.cexsafe.scoring.Fixtures.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.AssetSegregation;
import io.cexsafe.facts.Governance;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.Licence;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.facts.MatchBasis;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.ProofStrength;
import io.cexsafe.facts.ProofVerification;
import io.cexsafe.facts.Reimbursement;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.SearchRecord;
import io.cexsafe.facts.SearchTopic;
import io.cexsafe.facts.SelfInsuranceFund;
import io.cexsafe.facts.ThemeShare;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What methodology 2.0 changed: checked absence, claims, red flags, governance, shrinkage. */
class MethodologyTwoTest {
  private final Scorer scorer = Scorer.standard();

  private static Evidence searched(SearchTopic topic, int found) {
    return ev(
        new SearchRecord(topic, "a register", null, 12, found, null),
        EvidenceClass.THIRD_PARTY_REPORT,
        "defillama",
        daysAgo(1));
  }

  @Test
  void aSearchThatFoundNothingIsCheckedAbsentAndScoresTheWorstValue() {
    Scorecard unknown = scorer.score(bundle());
    Scorecard absent = scorer.score(bundle(searched(SearchTopic.PROOF_OF_RESERVES, 0)));
    PillarScore por = absent.pillar(Pillar.PROOF_OF_RESERVES);
    assertThat(por.rules()).allMatch(r -> r.status() == RuleStatus.CHECKED_ABSENT);
    assertThat(por.rules()).allMatch(r -> r.points() == 0);
    assertThat(por.coverage()).isEqualTo(1);
    assertThat(por.estimate()).isZero();
    assertThat(unknown.pillar(Pillar.PROOF_OF_RESERVES).estimate()).isEqualTo(25);
    assertThat(por.rules().get(0).explanation())
        .isEqualTo("searched a register for proof of reserves over 12 months: none found: 0/25");
    assertThat(absent.toJson()).contains("\"status\" : \"checked-absent\"");
    assertThat(RuleStatus.fromId("checked-absent")).isEqualTo(RuleStatus.CHECKED_ABSENT);
  }

  @Test
  void aSearchThatFoundSomethingProvesNoAbsence() {
    Scorecard card =
        scorer.score(
            bundle(searched(SearchTopic.INSURANCE, 0), searched(SearchTopic.INSURANCE, 2)));
    assertThat(card.rule("insurance.cover-ratio").status()).isEqualTo(RuleStatus.UNKNOWN);
  }

  @Test
  void theTrackRecordIsKnownThroughAnIncidentSearchRecord() {
    Scorecard clean = scorer.score(bundle(searched(SearchTopic.INCIDENTS, 0)));
    assertThat(clean.pillar(Pillar.TRACK_RECORD).estimate()).isEqualTo(100);
    assertThat(clean.pillar(Pillar.TRACK_RECORD).coverage()).isEqualTo(1);
  }

  @Test
  void aClaimEarnsLessThanTheSameFactVerified() {
    AssetSegregation promise = new AssetSegregation(true, true, null, null);
    Scorecard claimed = scorer.score(bundle(disclosed(promise)));
    Scorecard filed =
        scorer.score(
            bundle(ev(promise, EvidenceClass.REGULATOR_REGISTER, "disclosures", daysAgo(5))));
    assertThat(claimed.rule("custody.segregation").points()).isEqualTo(4.9);
    assertThat(filed.rule("custody.segregation").points()).isEqualTo(7);
    assertThat(claimed.rule("custody.segregation").explanation())
        .endsWith("(7 before claim factors by evidence class)");
  }

  @Test
  void anHonestRiskFactorCostsOnlyItsPart() {
    // a regulator-required filing: assets are segregated and backed 1:1, but may not be
    // bankruptcy-remote; the promise in terms earns less than the filing
    Scorecard filing =
        scorer.score(
            bundle(
                ev(
                    new AssetSegregation(true, true, false, "10-Q risk factor"),
                    EvidenceClass.REGULATOR_REGISTER,
                    "disclosures",
                    daysAgo(5))));
    Scorecard promise =
        scorer.score(bundle(disclosed(new AssetSegregation(true, true, true, "terms"))));
    assertThat(filing.rule("custody.segregation").points())
        .isGreaterThanOrEqualTo(promise.rule("custody.segregation").points())
        .isEqualTo(7);
    assertThat(promise.rule("custody.segregation").points())
        .as("a promise in the terms never earns full credit")
        .isLessThan(10);
  }

  @Test
  void selfInsuranceAloneNoLongerMakesAFullInsurancePillar() {
    Scorecard card =
        scorer.score(
            bundle(disclosed(new SelfInsuranceFund("SAFU", new BigDecimal("1000000000"), null))));
    // 10 x 0.7 for the claimed fund, 90 unknown points at the prior 0.25
    assertThat(card.pillar(Pillar.INSURANCE).estimate()).isEqualTo(29.5);
  }

  private static Licence licence(String register, List<String> activities, LicenceStatus status) {
    return new Licence(
        "AE",
        "VARA",
        register,
        "Acme FZE",
        "L1",
        status,
        activities,
        null,
        null,
        status == LicenceStatus.CLAIMED ? MatchBasis.CLAIM : MatchBasis.IDENTIFIER);
  }

  @Test
  void licencesWeighByKindOfPermission() {
    double full =
        points(
            licence("VARA register", List.of("exchange services, custody"), LicenceStatus.ACTIVE));
    double aml = points(licence("VASP registration", List.of("custody"), LicenceStatus.ACTIVE));
    double mvp =
        points(licence("VARA register", List.of("MVP licence", "custody"), LicenceStatus.ACTIVE));
    assertThat(full).isGreaterThan(aml);
    assertThat(aml).isGreaterThan(mvp);
    assertThat(mvp).isEqualTo(60 * 0.25 / 2.5);
  }

  private double points(Licence licence) {
    return scorer
        .score(bundle(ev(licence, EvidenceClass.REGULATOR_REGISTER, "regulators", daysAgo(1))))
        .rule("regulation.verified-licences")
        .points();
  }

  private Scorecard ratedWith(Evidence... extra) {
    List<Evidence> evidence = new ArrayList<>(Fixtures.realistic("acme"));
    evidence.addAll(List.of(extra));
    return scorer.score(
        new EvidenceBundle("acme", AS_OF, evidence, Fixtures.realisticBundle("acme").outcomes()));
  }

  private static Evidence incident(IncidentKind kind, int daysAgo) {
    return ev(
        new Incident(
            TODAY.minusDays(daysAgo),
            kind,
            null,
            null,
            null,
            Reimbursement.UNKNOWN,
            null,
            null,
            List.of(),
            null,
            null),
        EvidenceClass.THIRD_PARTY_REPORT,
        "news",
        daysAgo(1));
  }

  @Test
  void redFlagsCapTheGradeWithAFinding() {
    Scorecard base = ratedWith();
    assertThat(base.rated()).isTrue();
    assertThat(base.redFlags()).isEmpty();
    Map<RedFlagKind, Evidence> raisers =
        Map.of(
            RedFlagKind.WITHDRAWALS_HALTED, incident(IncidentKind.WITHDRAWAL_HALT, 3),
            RedFlagKind.INSOLVENCY, incident(IncidentKind.INSOLVENCY, 3),
            RedFlagKind.REGULATORY_ACTION, incident(IncidentKind.ENFORCEMENT, 30),
            RedFlagKind.RESERVES_COLLAPSE,
                ev(
                    new NetFlow(168, new BigDecimal("-5000000000"), -0.6),
                    EvidenceClass.THIRD_PARTY_REPORT,
                    "defillama",
                    daysAgo(1)),
            RedFlagKind.OWN_TOKEN_RESERVES,
                ev(
                    new ReserveComposition(0.45, null, null, null, null, null, List.of()),
                    EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED,
                    "defillama",
                    daysAgo(1)),
            RedFlagKind.AFFILIATE_USE_OF_CUSTOMER_ASSETS,
                ev(
                    new Governance(null, null, true, true, "lent to the trading arm"),
                    EvidenceClass.REGULATOR_REGISTER,
                    "courts",
                    daysAgo(1)),
            RedFlagKind.FAILED_PROOF,
                ev(
                    new ProofVerification(
                        "fmt",
                        ProofStrength.HASH_TREE,
                        false,
                        "r",
                        TODAY,
                        Map.of(),
                        "root mismatch"),
                    EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED,
                    "por",
                    daysAgo(1)),
            RedFlagKind.WITHDRAWAL_COMPLAINTS_SPIKE,
                ev(
                    new ReviewThemes(
                        null,
                        "GB",
                        2000,
                        900,
                        List.of(
                            new ThemeShare(
                                ReviewTheme.WITHDRAWAL_FAILURES, 600, 0.3, 0.6, List.of())),
                        null,
                        null),
                    EvidenceClass.USER_REPORTS,
                    "reviews",
                    daysAgo(1)));
    for (Map.Entry<RedFlagKind, Evidence> raiser : raisers.entrySet()) {
      Scorecard card = ratedWith(raiser.getValue());
      String what = raiser.getKey().id();
      assertThat(card.redFlags()).as(what).extracting(RedFlag::kind).contains(raiser.getKey());
      assertThat(card.findings())
          .as(what)
          .anyMatch(f -> f.kind() == FindingKind.RED_FLAG && f.severity() == Severity.HIGH);
      if (card.grade() != null) {
        assertThat(card.grade().ordinal())
            .as(what)
            .isGreaterThanOrEqualTo(raiser.getKey().cap().ordinal());
      }
    }
    assertThat(RedFlagKind.WITHDRAWALS_HALTED.cap()).isEqualTo(Grade.CCC);
    assertThat(RedFlagKind.FAILED_PROOF.cap()).isEqualTo(Grade.BB);
  }

  @Test
  void anOldHaltIsHistoryNotARedFlag() {
    assertThat(ratedWith(incident(IncidentKind.WITHDRAWAL_HALT, 800)).redFlags()).isEmpty();
  }

  @Test
  void aHaltCapsAGoodExchangeAtCcc() {
    Scorecard card = ratedWith(incident(IncidentKind.WITHDRAWAL_HALT, 3));
    assertThat(card.uncappedGrade().ordinal()).isLessThan(Grade.CCC.ordinal());
    assertThat(card.grade()).isEqualTo(Grade.CCC);
    assertThat(card.capped()).isTrue();
    assertThat(card.gradeLabel()).startsWith("CCC (capped by red flag)");
  }

  @Test
  void aSmallReviewSampleShrinksTowardThePrior() {
    double small = withdrawalPoints(10, 0.0);
    double large = withdrawalPoints(10_000, 0.0);
    assertThat(small).isLessThan(large);
    assertThat(small)
        .isCloseTo(10 * (10 + 0.25 * 100) / 110.0, org.assertj.core.api.Assertions.within(0.01));
    assertThat(withdrawalPoints(10, 0.5))
        .as("ten angry reviews are not a verdict")
        .isGreaterThan(0);
    assertThat(scorer.score(bundle(themes(20, 0.5))).redFlags())
        .as("10 of 20 reviews do not make a spike")
        .isEmpty();
  }

  private static Evidence themes(int reviews, double share) {
    return ev(
        new ReviewThemes(
            AppStore.APPLE,
            "GB",
            reviews,
            reviews / 2,
            List.of(
                new ThemeShare(
                    ReviewTheme.WITHDRAWAL_FAILURES,
                    (int) (reviews * share),
                    share,
                    share,
                    List.of())),
            null,
            null),
        EvidenceClass.USER_REPORTS,
        "reviews",
        daysAgo(1));
  }

  private double withdrawalPoints(int reviews, double share) {
    return scorer
        .score(bundle(themes(reviews, share)))
        .rule("support.withdrawal-failures")
        .points();
  }

  @Test
  void governanceRulesReadTheGovernanceFact() {
    Scorecard card =
        scorer.score(
            bundle(
                ev(
                    new Governance(true, "Acme Europe Ltd", false, false, null),
                    EvidenceClass.REGULATOR_REGISTER,
                    "filings",
                    daysAgo(3))));
    assertThat(card.rule("regulation.financial-statements").points()).isEqualTo(10);
    assertThat(card.rule("regulation.operating-entity").points()).isEqualTo(5);
    assertThat(card.rule("custody.related-parties").points()).isEqualTo(10);
    assertThatThrownBy(() -> new Governance(null, null, null, null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScorecardCannotBeGradedAboveItsRedFlagsOrProvisionalWithoutAGrade() {
    Scorecard card = ratedWith(incident(IncidentKind.INSOLVENCY, 3));
    assertThatThrownBy(
            () ->
                new Scorecard(
                    card.exchangeId(),
                    card.methodology(),
                    card.methodologyVersion(),
                    card.rulesVersion(),
                    card.asOf(),
                    card.estimate(),
                    card.low(),
                    card.high(),
                    card.confidence(),
                    card.uncappedGrade(),
                    card.uncappedGrade(),
                    null,
                    false,
                    card.redFlags(),
                    card.pillars(),
                    card.findings(),
                    card.staleEvidenceIds()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above the cap");
    assertThatThrownBy(
            () ->
                new Scorecard(
                    "x", "m", "1", "2.0", AS_OF, 25.0, 0, 100, 0, null, null, "thin", true,
                    List.of(), List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only a grade can be provisional");
  }
}
