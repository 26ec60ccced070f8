package io.cexsafe.scoring.internal;

import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A declared scoring curve: maps an observed value to a fraction of a rule's points and states its
 * own thresholds in words, so a rule's numbers live in one place.
 *
 * @param higherIsBetter true when the fraction rises with the value
 * @param fullAt where full credit starts
 * @param zeroAt where credit ends
 * @param label how a threshold is written in the rubric ("2 %", "4.6 stars")
 */
record Curve(boolean higherIsBetter, double fullAt, double zeroAt, DoubleFunction<String> label) {
  Curve {
    Objects.requireNonNull(label, "label");
    if (!Double.isFinite(fullAt) || !Double.isFinite(zeroAt)) {
      throw new IllegalArgumentException("curve thresholds must be finite");
    }
    if (higherIsBetter ? !(zeroAt < fullAt) : !(fullAt < zeroAt)) {
      throw new IllegalArgumentException(
          "curve thresholds out of order: full at " + fullAt + ", zero at " + zeroAt);
    }
  }

  /** Full credit up to {@code fullUntil}, none from {@code zeroFrom}, linear in between. */
  static Curve lowerIsBetter(double fullUntil, double zeroFrom, DoubleFunction<String> label) {
    return new Curve(false, fullUntil, zeroFrom, label);
  }

  /** No credit up to {@code zeroUntil}, full from {@code fullFrom}, linear in between. */
  static Curve higherIsBetter(double zeroUntil, double fullFrom, DoubleFunction<String> label) {
    return new Curve(true, fullFrom, zeroUntil, label);
  }

  /** Thresholds written as whole percentages of a share ("2 %"). */
  static String percent(double share) {
    return Fmt.num(Curves.round2(share * 100)) + " %";
  }

  /** Signed thresholds written as percentages of a change ("-10 %"). */
  static String change(double change) {
    return percent(change);
  }

  /** The fraction of the rule's points earned at {@code x}, in [0, 1]. */
  double fraction(double x) {
    return higherIsBetter ? Curves.rising(x, zeroAt, fullAt) : Curves.declining(x, fullAt, zeroAt);
  }

  /** The curve in words, e.g. "full points up to 2 %, none from 30 %, linear in between". */
  String rubric() {
    return higherIsBetter
        ? "full points at "
            + label.apply(fullAt)
            + " or more, none at "
            + label.apply(zeroAt)
            + " or less, linear in between"
        : "full points up to "
            + label.apply(fullAt)
            + ", none from "
            + label.apply(zeroAt)
            + ", linear in between";
  }
}
