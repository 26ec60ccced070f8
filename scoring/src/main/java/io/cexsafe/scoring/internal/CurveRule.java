package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.scoring.Finding;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A rule declared as a value on a curve: an extractor reads one number from the facts, the curve
 * turns it into a fraction of the declared maximum, and the rubric is rendered from the same
 * declaration ({@code {max}} and {@code {curve}} in the rubric template are replaced), so neither
 * the maximum nor a threshold is written twice.
 */
final class CurveRule {
  private CurveRule() {}

  /**
   * What the extractor read: the value on the curve and the facts it rests on, or why it is
   * unknown.
   *
   * @param x the value placed on the curve (an infinity stands for "beyond every threshold")
   * @param items the facts it rests on
   * @param value the value in a few words
   * @param explanation the explanation line (the engine appends the points)
   * @param sampleSize the number of reviews the value was measured on, to shrink toward the prior;
   *     null when the value is not a sample share
   * @param unknownBecause non-null when nothing could be read
   * @param findings what reading the value noticed (e.g. conflicts between sources)
   */
  record Reading(
      double x,
      List<? extends Item<?>> items,
      String value,
      String explanation,
      Double sampleSize,
      String unknownBecause,
      List<Finding> findings) {
    Reading {
      findings = List.copyOf(findings);
      if (unknownBecause == null) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(explanation, "explanation");
        items = List.copyOf(items);
        if (Double.isNaN(x)) {
          throw new IllegalArgumentException("a reading's value must be a number");
        }
      } else {
        items = List.of();
      }
    }

    static Reading of(double x, Item<?> item, String value, String explanation) {
      return new Reading(x, List.of(item), value, explanation, null, null, List.of());
    }

    static Reading of(double x, List<? extends Item<?>> items, String value, String explanation) {
      return new Reading(x, items, value, explanation, null, null, List.of());
    }

    /** A share measured on {@code reviews} reviews: the result shrinks toward the prior. */
    static Reading sample(
        double x, List<? extends Item<?>> items, double reviews, String value, String explanation) {
      return new Reading(x, items, value, explanation, reviews, null, List.of());
    }

    /** This reading with what choosing its facts noticed. */
    Reading withFindings(List<Finding> more) {
      List<Finding> all = new java.util.ArrayList<>(findings);
      all.addAll(more);
      return new Reading(x, items, value, explanation, sampleSize, unknownBecause, all);
    }

    static Reading unknown(String because) {
      return new Reading(
          0, List.of(), null, null, null, Objects.requireNonNull(because), List.of());
    }
  }

  /**
   * A rule awarding {@code max} times {@code curve} at the value {@code extractor} reads; {@code
   * then} may add findings that the same reading warrants.
   */
  static Rule of(
      String id,
      Pillar pillar,
      String title,
      double max,
      Curve curve,
      String rubricTemplate,
      String rationale,
      Function<ScoringContext, Reading> extractor,
      BiFunction<Reading, Outcome, Outcome> then) {
    Objects.requireNonNull(curve, "curve");
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(then, "then");
    if (!rubricTemplate.contains("{curve}")) {
      throw new IllegalArgumentException(id + ": the rubric must state the curve ({curve})");
    }
    return new Rule(
        id,
        pillar,
        title,
        max,
        render(rubricTemplate, max, curve),
        rationale,
        ctx -> {
          Reading reading = extractor.apply(ctx);
          if (reading.unknownBecause() != null) {
            return Outcome.unknown(reading.unknownBecause()).withFindings(reading.findings());
          }
          double fraction = curve.fraction(reading.x());
          if (reading.sampleSize() != null) {
            fraction = Shrinkage.toPrior(fraction, reading.sampleSize());
          }
          return then.apply(
              reading,
              Outcome.known(max * fraction, reading.value(), reading.explanation(), reading.items())
                  .withFindings(reading.findings()));
        });
  }

  static Rule of(
      String id,
      Pillar pillar,
      String title,
      double max,
      Curve curve,
      String rubricTemplate,
      String rationale,
      Function<ScoringContext, Reading> extractor) {
    return of(id, pillar, title, max, curve, rubricTemplate, rationale, extractor, (r, o) -> o);
  }

  static String render(String template, double max, Curve curve) {
    String curveText = curve.rubric(max);
    String capitalised = Character.toUpperCase(curveText.charAt(0)) + curveText.substring(1);
    String rendered = template.replace("{max}", Fmt.num(max));
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int at = rendered.indexOf("{curve}"); at >= 0; at = rendered.indexOf("{curve}", from)) {
      out.append(rendered, from, at);
      boolean sentenceStart = at == 0 || rendered.startsWith(". ", at - 2);
      out.append(sentenceStart ? capitalised : curveText);
      from = at + "{curve}".length();
    }
    return out.append(rendered.substring(from)).toString();
  }
}
