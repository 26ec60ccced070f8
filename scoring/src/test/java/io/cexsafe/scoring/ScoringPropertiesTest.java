package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.facts.Incident;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.Reimbursement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the scoring arithmetic over random evidence of every fact type, drawn from seeded
 * generators ({@link EvidenceGenerator}): each case is named by its seed, so a failure reproduces
 * with {@code new EvidenceGenerator(seed)}.
 *
 * <p><b>Favourable evidence</b> is a fact at the best value of its kind (for example a mandatory
 * control with a 72-hour lock, visible in the app; an active register-confirmed licence covering
 * custody; a current zero-knowledge proof of reserves; a 5-star rating with more ratings than any
 * it supersedes), from a primary source, observed at the evaluation instant and never stale. Such a
 * fact either loses a conflict (and changes nothing) or wins it with the best value. Adding it
 * never lowers the low end of the pillars it informs; and when it informs only rules that were
 * already known (coverage unchanged), it never lowers their estimate. A fact that makes an unknown
 * rule known adds information rather than favour: the estimate then moves toward that rule's own
 * result, while the range narrows around it.
 */
class ScoringPropertiesTest {
  private static final double EPS = 1e-9;

  /** Rounding to hundredths per rule, pillar and overall can move a sum by this much. */
  private static final double ROUNDING = 0.011;

  private final Scorer scorer = Scorer.standard();

  static Stream<Arguments> seeds300() {
    return EvidenceGenerator.seeds(1, 300);
  }

  static Stream<Arguments> seeds200() {
    return EvidenceGenerator.seeds(2, 200);
  }

  static Stream<Arguments> seeds500() {
    return EvidenceGenerator.seeds(3, 500);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  void estimatesLieWithinTheirRangesAndConfidenceWithinZeroAndOne(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    Scorecard card = scorer.score(EvidenceGenerator.bundleOf(g.evidenceList(), g.nextBoolean()));
    assertThat(card.confidence()).isBetween(0.0, 1.0);
    assertThat(card.low()).isLessThanOrEqualTo(card.high());
    if (card.estimate() != null) {
      assertThat(card.estimate()).isBetween(card.low(), card.high());
    }
    for (PillarScore pillar : card.pillars()) {
      assertThat(pillar.coverage()).isBetween(0.0, 1.0);
      if (pillar.estimate() != null) {
        assertThat(pillar.estimate()).isBetween(pillar.low(), pillar.high());
      }
      for (RuleResult rule : pillar.rules()) {
        assertThat(rule.points()).isBetween(0.0, rule.maxPoints());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds200")
  void permutingEvidenceChangesNothing(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    List<Evidence> evidence = g.evidenceList();
    List<Evidence> shuffled = new ArrayList<>(evidence);
    Collections.shuffle(shuffled, new Random(g.random().nextLong()));
    String original = scorer.score(EvidenceGenerator.bundleOf(evidence, true)).toJson();
    assertThat(scorer.score(EvidenceGenerator.bundleOf(shuffled, true)).toJson())
        .isEqualTo(original);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  void removingEvidenceNeverNarrowsARange(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    List<Evidence> evidence = g.evidenceList();
    List<Evidence> fewer = evidence.stream().filter(e -> g.nextBoolean()).toList();
    Scorecard full = scorer.score(EvidenceGenerator.bundleOf(evidence, false));
    Scorecard reduced = scorer.score(EvidenceGenerator.bundleOf(fewer, false));
    assertThat(reduced.high() - reduced.low())
        .isGreaterThanOrEqualTo(full.high() - full.low() - ROUNDING);
    for (Pillar pillar : Pillar.values()) {
      PillarScore before = full.pillar(pillar);
      PillarScore after = reduced.pillar(pillar);
      assertThat(after.high() - after.low())
          .as(pillar.id())
          .isGreaterThanOrEqualTo(before.high() - before.low() - EPS);
      assertThat(after.coverage()).as(pillar.id()).isLessThanOrEqualTo(before.coverage());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds500")
  void addingFavourableEvidenceNeverLowersAPillar(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    List<Evidence> evidence = g.evidenceList();
    Evidence favourable = g.favourableEvidence();
    boolean checked = g.nextBoolean();
    List<Evidence> more = new ArrayList<>(evidence);
    more.add(favourable);
    Scorecard before = scorer.score(EvidenceGenerator.bundleOf(evidence, checked));
    Scorecard after =
        scorer.score(EvidenceGenerator.bundleOf(EvidenceGenerator.distinct(more), checked));
    for (Pillar pillar : favourable.fact().pillars()) {
      PillarScore b = before.pillar(pillar);
      PillarScore a = after.pillar(pillar);
      String context = pillar.id() + " after adding " + favourable.fact().summary();
      assertThat(a.low()).as(context).isGreaterThanOrEqualTo(b.low() - EPS);
      if (a.coverage() == b.coverage() && b.estimate() != null) {
        assertThat(a.estimate()).as(context).isGreaterThanOrEqualTo(b.estimate() - EPS);
      }
      for (int i = 0; i < a.rules().size(); i++) {
        RuleResult ruleBefore = b.rules().get(i);
        RuleResult ruleAfter = a.rules().get(i);
        if (ruleBefore.known()) {
          assertThat(ruleAfter.points())
              .as(context + ": " + ruleAfter.ruleId())
              .isGreaterThanOrEqualTo(ruleBefore.points() - EPS);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds500")
  void addingUnfavourableEvidenceNeverRaisesTheEstimate(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    List<Evidence> evidence = g.evidenceList();
    Evidence unfavourable = g.unfavourableEvidence();
    boolean checked = g.nextBoolean();
    List<Evidence> more = new ArrayList<>(evidence);
    more.add(unfavourable);
    Scorecard before = scorer.score(EvidenceGenerator.bundleOf(evidence, checked));
    Scorecard after =
        scorer.score(EvidenceGenerator.bundleOf(EvidenceGenerator.distinct(more), checked));
    String context = "after adding " + unfavourable.fact().summary();
    assertThat(after.estimate()).as(context).isLessThanOrEqualTo(before.estimate() + EPS);
    for (Pillar pillar : Pillar.values()) {
      assertThat(after.pillar(pillar).estimate())
          .as(pillar.id() + " " + context)
          .isLessThanOrEqualTo(before.pillar(pillar).estimate() + EPS);
    }
    if (before.grade() != null && after.grade() != null) {
      assertThat(after.grade().ordinal())
          .as("grade " + context)
          .isGreaterThanOrEqualTo(before.grade().ordinal());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds200")
  void addingAnIncidentNeverRaisesTheTrackRecord(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    List<Evidence> evidence = g.evidenceList();
    List<Evidence> extra = g.evidenceList();
    List<Evidence> incidents =
        extra.stream().filter(e -> e.fact() instanceof Incident).limit(1).toList();
    List<Evidence> more = new ArrayList<>(evidence);
    more.addAll(incidents);
    EvidenceBundle base = EvidenceGenerator.bundleOf(evidence, true);
    PillarScore before = scorer.score(base).pillar(Pillar.TRACK_RECORD);
    PillarScore after =
        scorer
            .score(EvidenceGenerator.bundleOf(EvidenceGenerator.distinct(more), true))
            .pillar(Pillar.TRACK_RECORD);
    boolean sameSubject =
        incidents.stream()
            .anyMatch(
                i ->
                    evidence.stream()
                        .anyMatch(
                            e ->
                                e.fact() instanceof Incident x
                                    && x.date().equals(((Incident) i.fact()).date())
                                    && x.kind() == ((Incident) i.fact()).kind()));
    if (!sameSubject) {
      assertThat(after.estimate()).isLessThanOrEqualTo(before.estimate() + EPS);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  void aHackNeverRaisesAScoreAboveNoIncidentOnRecord(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    boolean checked = g.nextBoolean();
    List<Evidence> evidence = g.evidenceList();
    List<Evidence> withHack = new ArrayList<>(evidence);
    Incident hack = g.incident();
    withHack.add(
        Fixtures.ev(
            "acme",
            new Incident(
                hack.date(),
                IncidentKind.HACK,
                hack.lossUsd(),
                null,
                hack.lossUsd(),
                g.nextBoolean() ? Reimbursement.FULL : hack.reimbursement(),
                0,
                true,
                List.of("hardening"),
                null,
                null),
            EvidenceClass.THIRD_PARTY_REPORT,
            "defillama",
            Fixtures.AS_OF,
            null));
    List<Evidence> noIncidents =
        evidence.stream().filter(e -> !(e.fact() instanceof Incident)).toList();
    Scorecard hacked =
        scorer.score(EvidenceGenerator.bundleOf(EvidenceGenerator.distinct(withHack), checked));
    Scorecard clean = scorer.score(EvidenceGenerator.bundleOf(noIncidents, checked));
    assertThat(hacked.estimate()).isLessThanOrEqualTo(clean.estimate() + EPS);
    assertThat(hacked.high()).isLessThanOrEqualTo(clean.high() + EPS);
    for (Pillar pillar : Pillar.values()) {
      assertThat(hacked.pillar(pillar).estimate())
          .as(pillar.id())
          .isLessThanOrEqualTo(clean.pillar(pillar).estimate() + EPS);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  void evidenceInOnePillarNeverGetsALetterGrade(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    Pillar pillar = Pillar.values()[g.random().nextInt(Pillar.values().length)];
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Evidence e = g.random().nextBoolean() ? g.favourableEvidence() : g.anyEvidence();
      if (e.fact().pillars().equals(Set.of(pillar))) {
        evidence.add(e);
      }
    }
    Scorecard card =
        scorer.score(
            EvidenceGenerator.bundleOf(
                EvidenceGenerator.distinct(evidence), pillar == Pillar.TRACK_RECORD));
    assertThat(card.grade()).as(pillar.id()).isNull();
    assertThat(card.rated()).isFalse();
    assertThat(card.notRatedReason()).startsWith("evidence covers ");
    assertThat(card.gradeLabel()).startsWith("NR (");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  void anyRedFlagCapsTheGrade(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      evidence.add(g.favourableEvidence());
    }
    evidence.addAll(g.evidenceList());
    evidence.add(g.unfavourableEvidence());
    Scorecard card =
        scorer.score(EvidenceGenerator.bundleOf(EvidenceGenerator.distinct(evidence), true));
    for (RedFlag flag : card.redFlags()) {
      assertThat(flag.cap()).isEqualTo(flag.kind().cap());
      if (card.grade() != null) {
        assertThat(card.grade().ordinal())
            .as(card.grade() + " under " + flag.kind().id())
            .isGreaterThanOrEqualTo(flag.cap().ordinal());
      }
      assertThat(card.findings())
          .anyMatch(f -> f.kind() == FindingKind.RED_FLAG && f.message().contains(flag.message()));
    }
    if (card.grade() != null && !card.redFlags().isEmpty()) {
      assertThat(card.grade()).isEqualTo(card.uncappedGrade().atMost(card.cap()));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  void unknownNeverScoresAboveThePrior(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    Scorecard card = scorer.score(EvidenceGenerator.bundleOf(g.evidenceList(), g.nextBoolean()));
    double overall = 0;
    for (PillarScore pillar : card.pillars()) {
      double covered = 0;
      double unknown = 0;
      for (RuleResult rule : pillar.rules()) {
        if (rule.covered()) {
          covered += rule.points();
        } else {
          assertThat(rule.points()).isZero();
          unknown += rule.maxPoints();
        }
      }
      assertThat(pillar.estimate())
          .as(pillar.pillar().id())
          .isLessThanOrEqualTo(covered + Scorer.UNKNOWN_PRIOR * unknown + ROUNDING);
      if (pillar.coverage() == 0) {
        assertThat(pillar.estimate()).isEqualTo(Scorer.UNKNOWN_PRIOR * 100);
      }
      overall += pillar.weight() * pillar.estimate() / 100;
    }
    assertThat(card.estimate()).isLessThanOrEqualTo(overall + ROUNDING);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds200")
  void noEvidenceObservedAfterAsOfReachesAScorecard(long seed) {
    EvidenceGenerator g = new EvidenceGenerator(seed);
    List<Evidence> past = g.evidenceList();
    List<Evidence> future = new ArrayList<>();
    for (int i = 0; i < 1 + g.random().nextInt(6); i++) {
      Evidence e = g.random().nextBoolean() ? g.unfavourableEvidence() : g.favourableEvidence();
      future.add(
          Fixtures.ev(
              "acme",
              e.fact(),
              e.evidenceClass(),
              "future",
              Fixtures.AS_OF.plus(Duration.ofDays(1 + g.random().nextInt(400))),
              null));
    }
    List<Evidence> all = new ArrayList<>(past);
    all.addAll(future);
    Scorecard withFuture =
        scorer.score(EvidenceGenerator.bundleOf(EvidenceGenerator.distinct(all), true));
    Scorecard without = scorer.score(EvidenceGenerator.bundleOf(past, true));
    Set<String> futureIds = Set.copyOf(future.stream().map(Evidence::id).toList());
    for (PillarScore pillar : withFuture.pillars()) {
      for (RuleResult rule : pillar.rules()) {
        assertThat(rule.evidenceIds()).doesNotContainAnyElementsOf(futureIds);
      }
    }
    for (RedFlag flag : withFuture.redFlags()) {
      assertThat(flag.evidenceIds()).doesNotContainAnyElementsOf(futureIds);
    }
    assertThat(withFuture.staleEvidenceIds()).doesNotContainAnyElementsOf(futureIds);
    assertThat(withFuture.pillars()).isEqualTo(without.pillars());
    assertThat(withFuture.estimate()).isEqualTo(without.estimate());
    assertThat(withFuture.grade()).isEqualTo(without.grade());
    assertThat(withFuture.redFlags()).isEqualTo(without.redFlags());
  }
}
