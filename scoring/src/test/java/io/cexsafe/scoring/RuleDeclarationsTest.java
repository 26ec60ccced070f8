package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.Pillar;
import io.cexsafe.scoring.internal.Fmt;
import io.cexsafe.scoring.internal.Outcome;
import io.cexsafe.scoring.internal.Rule;
import io.cexsafe.scoring.internal.RuleBook;
import io.cexsafe.scoring.internal.ScoringContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule's numbers have one home: the rubric prose states the maximum the points use, the maxima
 * of a pillar add up to its budget, and no evaluation ever awards more than its rule declares
 * (before the engine's clamp, which would otherwise hide a disagreement).
 */
class RuleDeclarationsTest {
  /** Every pillar's rules share out this many points. */
  private static final double PILLAR_BUDGET = 100;

  private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?");

  @Test
  void theMaximaOfEachPillarAddUpToItsBudget() {
    for (Pillar pillar : Pillar.values()) {
      double sum = RuleBook.rules(pillar).stream().mapToDouble(Rule::maxPoints).sum();
      assertThat(sum).as(pillar.id()).isEqualTo(PILLAR_BUDGET);
    }
  }

  /**
   * The rubric states the maximum the rule's points use: as a number in the prose, as "full points"
   * of a curve rendered from the same declaration, or (for a composite) as parts that add up to it.
   */
  @Test
  void everyRubricStatesTheMaximumTheRuleUses() {
    List<String> silent = new ArrayList<>();
    for (Rule rule : RuleBook.all()) {
      List<String> numbers = new ArrayList<>();
      Matcher m = NUMBER.matcher(rule.rubric());
      while (m.find()) {
        numbers.add(m.group());
      }
      boolean statesMax = numbers.contains(Fmt.num(rule.maxPoints()));
      boolean curveStatesMax =
          rule.rubric().toLowerCase(java.util.Locale.ROOT).contains("full points");
      boolean partsMakeMax = someAddUpTo(numbers, rule.maxPoints());
      if (!statesMax && !curveStatesMax && !partsMakeMax) {
        silent.add(rule.id() + " (max " + Fmt.num(rule.maxPoints()) + ")");
      }
    }
    assertThat(silent).as("rules whose rubric never states their maximum").isEmpty();
  }

  private static boolean someAddUpTo(List<String> numbers, double target) {
    List<Double> values =
        numbers.stream().map(Double::parseDouble).filter(v -> v > 0 && v < target).toList();
    if (values.size() > 20) {
      return false;
    }
    for (int mask = 1; mask < 1 << values.size(); mask++) {
      double sum = 0;
      for (int i = 0; i < values.size(); i++) {
        if ((mask & 1 << i) != 0) {
          sum += values.get(i);
        }
      }
      if (Math.abs(sum - target) < 1e-9) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aRubricThatNeverStatesItsMaximumIsCaught() {
    assertThat(someAddUpTo(List.of("4", "3", "3"), 10)).isTrue();
    assertThat(someAddUpTo(List.of("4", "3", "2"), 10)).isFalse();
  }

  @Test
  void noRubricStatesMorePointsThanItsRuleAwards() {
    Pattern points = Pattern.compile("(\\d+(?:\\.\\d+)?) points");
    for (Rule rule : RuleBook.all()) {
      Matcher m = points.matcher(rule.rubric());
      while (m.find()) {
        assertThat(Double.parseDouble(m.group(1)))
            .as(rule.id() + ": \"" + m.group() + "\" in its rubric")
            .isLessThanOrEqualTo(rule.maxPoints());
      }
    }
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> seeds() {
    return EvidenceGenerator.seeds(14_07, 150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void noRuleEverAwardsMoreThanItsDeclaredMaximum(long seed) {
    EvidenceGenerator generator = new EvidenceGenerator(seed);
    List<EvidenceBundle> bundles =
        List.of(
            EvidenceGenerator.bundleOf(generator.evidenceList(), generator.nextBoolean()),
            EvidenceGenerator.bundleOf(
                List.of(
                    generator.favourableEvidence(),
                    generator.favourableEvidence(),
                    generator.favourableEvidence()),
                true));
    for (EvidenceBundle bundle : bundles) {
      ScoringContext ctx = new ScoringContext(bundle, Set.of("defillama"));
      for (Rule rule : RuleBook.all()) {
        Outcome outcome = rule.evaluate(ctx);
        assertThat(outcome.points())
            .as(rule.id() + " on seed " + seed)
            .isBetween(0.0, rule.maxPoints() + 1e-9);
      }
    }
  }

  @Test
  void realisticExchangesStayWithinEveryMaximum() {
    for (String exchange : List.of("acme", "globex")) {
      ScoringContext ctx =
          new ScoringContext(Fixtures.realisticBundle(exchange), Set.of("defillama"));
      for (Rule rule : RuleBook.all()) {
        assertThat(rule.evaluate(ctx).points())
            .as(rule.id())
            .isBetween(0.0, rule.maxPoints() + 1e-9);
      }
    }
  }
}
