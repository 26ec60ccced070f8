package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Pillar;
import io.cexsafe.facts.Incident;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the scoring arithmetic over random evidence of every fact type.
 *
 * <p><b>Favourable evidence</b> is a fact at the best value of its kind (for example a mandatory
 * control with a 72-hour lock, visible in the app; an active register-confirmed licence covering
 * custody; a current zero-knowledge proof of reserves; a 5-star rating with more ratings than any
 * it supersedes), observed at the evaluation instant and never stale. Such a fact either loses a
 * conflict (and changes nothing) or wins it with the best value. Adding it never lowers the low end
 * of the pillars it informs; and when it informs only rules that were already known (coverage
 * unchanged), it never lowers their estimate. A fact that makes an unknown rule known adds
 * information rather than favour: the estimate then moves toward that rule's own result, while the
 * range narrows around it.
 */
class ScoringPropertiesTest {
  private static final double EPS = 1e-9;
  private final Scorer scorer = Scorer.standard();

  @Provide
  Arbitrary<List<Evidence>> evidence() {
    return EvidenceArbitraries.evidenceLists();
  }

  @Provide
  Arbitrary<Evidence> favourable() {
    return EvidenceArbitraries.favourableEvidence();
  }

  @Property(tries = 300)
  void estimatesLieWithinTheirRangesAndConfidenceWithinZeroAndOne(
      @ForAll("evidence") List<Evidence> evidence, @ForAll boolean checked) {
    Scorecard card = scorer.score(EvidenceArbitraries.bundleOf(evidence, checked));
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

  @Property(tries = 200)
  void permutingEvidenceChangesNothing(
      @ForAll("evidence") List<Evidence> evidence, @ForAll long seed) {
    List<Evidence> shuffled = new ArrayList<>(evidence);
    Collections.shuffle(shuffled, new Random(seed));
    String original = scorer.score(EvidenceArbitraries.bundleOf(evidence, true)).toJson();
    assertThat(scorer.score(EvidenceArbitraries.bundleOf(shuffled, true)).toJson())
        .isEqualTo(original);
  }

  @Property(tries = 300)
  void removingEvidenceNeverNarrowsARange(
      @ForAll("evidence") List<Evidence> evidence, @ForAll long seed) {
    Random random = new Random(seed);
    List<Evidence> fewer = evidence.stream().filter(e -> random.nextBoolean()).toList();
    Scorecard full = scorer.score(EvidenceArbitraries.bundleOf(evidence, false));
    Scorecard reduced = scorer.score(EvidenceArbitraries.bundleOf(fewer, false));
    assertThat(reduced.high() - reduced.low())
        .isGreaterThanOrEqualTo(full.high() - full.low() - 0.011);
    for (Pillar pillar : Pillar.values()) {
      PillarScore before = full.pillar(pillar);
      PillarScore after = reduced.pillar(pillar);
      assertThat(after.high() - after.low())
          .as(pillar.id())
          .isGreaterThanOrEqualTo(before.high() - before.low() - EPS);
      assertThat(after.coverage()).as(pillar.id()).isLessThanOrEqualTo(before.coverage());
    }
  }

  @Property(tries = 500)
  void addingFavourableEvidenceNeverLowersAPillar(
      @ForAll("evidence") List<Evidence> evidence,
      @ForAll("favourable") Evidence favourable,
      @ForAll boolean checked) {
    List<Evidence> more = new ArrayList<>(evidence);
    more.add(favourable);
    Scorecard before = scorer.score(EvidenceArbitraries.bundleOf(evidence, checked));
    Scorecard after =
        scorer.score(EvidenceArbitraries.bundleOf(EvidenceArbitraries.distinct(more), checked));
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

  @Property(tries = 200)
  void addingAnIncidentNeverRaisesTheTrackRecord(
      @ForAll("evidence") List<Evidence> evidence, @ForAll("evidence") List<Evidence> extra) {
    List<Evidence> incidents =
        extra.stream().filter(e -> e.fact() instanceof Incident).limit(1).toList();
    List<Evidence> more = new ArrayList<>(evidence);
    more.addAll(incidents);
    EvidenceBundle base = EvidenceArbitraries.bundleOf(evidence, true);
    PillarScore before = scorer.score(base).pillar(Pillar.TRACK_RECORD);
    PillarScore after =
        scorer
            .score(EvidenceArbitraries.bundleOf(EvidenceArbitraries.distinct(more), true))
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
}
