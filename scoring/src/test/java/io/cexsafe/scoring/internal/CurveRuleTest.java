package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.scoring.RuleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adding a rule is one declaration: its points, explanation and rubric all come from it. */
class CurveRuleTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  /** The whole rule: a maximum, a curve, the text around it and what to read. */
  private static final Rule EXAMPLE_RULE =
      CurveRule.of(
          "custody.example-long-tail",
          Pillar.CUSTODY,
          "Example: long-tail share",
          10,
          Curve.lowerIsBetter(0.05, 0.25, Curve::percent),
          "{max} points for the long-tail share of reserves: {curve}. Unknown without one.",
          "An example.",
          ctx ->
              ctx.current(ReserveComposition.class, f -> f.longTailShare() != null).stream()
                  .findFirst()
                  .map(
                      i ->
                          CurveRule.Reading.of(
                              i.fact().longTailShare(),
                              i,
                              Fmt.pct(i.fact().longTailShare()),
                              "long tail " + Fmt.pct(i.fact().longTailShare())))
                  .orElse(CurveRule.Reading.unknown("no composition")));

  private static ScoringContext context(Double longTailShare) {
    if (longTailShare == null) {
      return new ScoringContext(new EvidenceBundle("okx", AS_OF, List.of(), List.of()), Set.of());
    }
    ReserveComposition fact =
        new ReserveComposition(null, null, null, longTailShare, null, null, List.of());
    Evidence evidence =
        Evidence.of(
            "okx",
            fact,
            Provenance.builder("reserves")
                .source("https://example.com/", "x")
                .observedAt(AS_OF)
                .retrievedAt(AS_OF)
                .evidenceClass(EvidenceClass.CRYPTOGRAPHICALLY_VERIFIED)
                .build());
    return new ScoringContext(
        new EvidenceBundle("okx", AS_OF, List.of(evidence), List.of()), Set.of());
  }

  @Test
  void theRubricIsRenderedFromTheDeclaration() {
    assertThat(EXAMPLE_RULE.maxPoints()).isEqualTo(10);
    assertThat(EXAMPLE_RULE.rubric())
        .isEqualTo(
            "10 points for the long-tail share of reserves: full points up to 5 %, none from"
                + " 25 %, linear in between. Unknown without one.");
  }

  @ParameterizedTest
  @CsvSource({
    "0.00, 10, 0.0%",
    "0.05, 10, 5.0%",
    "0.10, 7.5, 10.0%",
    "0.15, 5, 15.0%",
    "0.25, 0, 25.0%",
    "0.60, 0, 60.0%"
  })
  void pointsFollowTheCurveBelowBetweenAndAboveTheThresholds(
      double share, double points, String value) {
    Outcome outcome = EXAMPLE_RULE.evaluate(context(share));
    assertThat(outcome.status()).isEqualTo(RuleStatus.KNOWN);
    assertThat(outcome.points()).isCloseTo(points, within(1e-9));
    assertThat(outcome.value()).isEqualTo(value);
    assertThat(outcome.explanation()).isEqualTo("long tail " + value);
    assertThat(outcome.used()).hasSize(1);
  }

  @Test
  void nothingToReadIsUnknownWithItsReason() {
    Outcome outcome = EXAMPLE_RULE.evaluate(context(null));
    assertThat(outcome.status()).isEqualTo(RuleStatus.UNKNOWN);
    assertThat(outcome.points()).isZero();
    assertThat(outcome.explanation()).isEqualTo("no composition");
  }

  @Test
  void aRisingCurveSaysWhereFullCreditStarts() {
    Curve curve = Curve.higherIsBetter(-0.30, -0.10, Curve::percent);
    assertThat(curve.rubric(10))
        .isEqualTo("full points at -10 % or more, none at -30 % or less, linear in between");
    assertThat(curve.fraction(-0.40)).isZero();
    assertThat(curve.fraction(-0.20)).isCloseTo(0.5, within(1e-9));
    assertThat(curve.fraction(0.05)).isEqualTo(1);
    assertThat(CurveRule.render("{curve}. Then {curve}.", 5, curve))
        .startsWith("Full points at -10 %")
        .contains("Then full points at -10 %");
  }

  @Test
  void aSampleShareShrinksTowardThePrior() {
    Rule rule =
        CurveRule.of(
            "support.example-sample",
            Pillar.SUPPORT,
            "Example sample",
            10,
            Curve.lowerIsBetter(0.02, 0.15, Curve::percent),
            "{curve}.",
            "An example.",
            ctx -> {
              var item = context(0.5).current(ReserveComposition.class).get(0);
              return CurveRule.Reading.sample(0.0, List.of(item), 100, "0%", "share 0%");
            });
    // a perfect share on 100 reviews is weighed equally with 100 pseudo-reviews at the prior
    assertThat(rule.evaluate(context(null)).points())
        .isCloseTo(10 * (1 + Shrinkage.UNKNOWN_PRIOR) / 2, within(1e-9));
  }

  @Test
  void stepsAwardTheirTierAndSayWhereEachEnds() {
    Curve tiers =
        Curve.steps(
            new double[] {15, 35},
            new double[] {1, 10 / 15.0},
            5 / 15.0,
            days -> Fmt.num(days) + " working days");
    assertThat(tiers.rubric(15))
        .isEqualTo("15 points for 15 working days or less, 10 up to 35 working days, 5 beyond");
    assertThat(15 * tiers.fraction(3)).isEqualTo(15);
    assertThat(15 * tiers.fraction(15)).isEqualTo(15);
    assertThat(15 * tiers.fraction(16)).isCloseTo(10, within(1e-9));
    assertThat(15 * tiers.fraction(35)).isCloseTo(10, within(1e-9));
    assertThat(15 * tiers.fraction(90)).isCloseTo(5, within(1e-9));
    assertThatThrownBy(() -> Curve.steps(new double[] {35, 15}, new double[] {1, 0.5}, 0, Fmt::num))
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> Curve.steps(new double[] {15}, new double[] {0.5}, 0.9, Fmt::num))
        .hasMessageContaining("not increase");
  }

  @Test
  void badDeclarationsAreRefused() {
    assertThatThrownBy(() -> Curve.lowerIsBetter(0.30, 0.02, Curve::percent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of order");
    assertThatThrownBy(() -> Curve.higherIsBetter(0.9, 0.5, Curve::percent))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Curve.lowerIsBetter(0, Double.NaN, Curve::percent))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                CurveRule.of(
                    "custody.no-curve",
                    Pillar.CUSTODY,
                    "t",
                    5,
                    Curve.lowerIsBetter(0.1, 0.2, Curve::percent),
                    "5 points, somehow.",
                    "r",
                    ctx -> CurveRule.Reading.unknown("x")))
        .hasMessageContaining("{curve}");
    assertThatThrownBy(() -> CurveRule.Reading.of(Double.NaN, List.of(), "v", "e"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
