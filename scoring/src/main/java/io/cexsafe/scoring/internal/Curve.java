package io.cexsafe.scoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A declared scoring curve: maps an observed value to a fraction of a rule's points and states its
 * own thresholds in words, so a rule's numbers live in one place.
 */
sealed interface Curve permits Curve.Linear, Curve.Steps, Curve.Log {
  /** The fraction of the rule's points earned at {@code x}, in [0, 1]. */
  double fraction(double x);

  /** The curve in words for a rule worth {@code max} points. */
  String rubric(double max);

  /** Full credit up to {@code fullUntil}, none from {@code zeroFrom}, linear in between. */
  static Linear lowerIsBetter(double fullUntil, double zeroFrom, DoubleFunction<String> label) {
    return new Linear(false, fullUntil, zeroFrom, label);
  }

  /** No credit up to {@code zeroUntil}, full from {@code fullFrom}, linear in between. */
  static Linear higherIsBetter(double zeroUntil, double fullFrom, DoubleFunction<String> label) {
    return new Linear(true, fullFrom, zeroUntil, label);
  }

  /**
   * Tiers where lower is better: {@code fractions[i]} up to {@code thresholds[i]} (inclusive), and
   * {@code beyond} above the last threshold.
   */
  static Curve steps(
      double[] thresholds, double[] fractions, double beyond, DoubleFunction<String> label) {
    return new Steps(
        java.util.Arrays.stream(thresholds).boxed().toList(),
        java.util.Arrays.stream(fractions).boxed().toList(),
        beyond,
        label);
  }

  /**
   * A log scale for amounts and counts: nothing at {@code 10^zeroExponent} or less, full credit
   * from {@code 10^fullExponent}, linear in the logarithm between (a non-positive value earns
   * nothing).
   */
  static Log log10(int zeroExponent, int fullExponent, DoubleFunction<String> label) {
    return new Log(zeroExponent, fullExponent, label);
  }

  /** Amounts in US dollars, short ("USD 10k", "USD 1M", "USD 1B"). */
  static String usd(double amount) {
    double[] units = {1e9, 1e6, 1e3};
    String[] suffixes = {"B", "M", "k"};
    for (int i = 0; i < units.length; i++) {
      if (Math.abs(amount) >= units[i]) {
        return "USD " + Fmt.num(Curves.round2(amount / units[i])) + suffixes[i];
      }
    }
    return "USD " + Fmt.num(Curves.round2(amount));
  }

  /** Thresholds written as percentages of a share ("2 %"). */
  static String percent(double share) {
    return Fmt.num(Curves.round2(share * 100)) + " %";
  }

  /**
   * Linear between two thresholds, flat beyond them.
   *
   * @param higherIsBetter true when the fraction rises with the value
   * @param fullAt where full credit starts
   * @param zeroAt where credit ends
   * @param label how a threshold is written in the rubric ("2 %", "4.6 stars")
   */
  record Linear(boolean higherIsBetter, double fullAt, double zeroAt, DoubleFunction<String> label)
      implements Curve {
    public Linear {
      Objects.requireNonNull(label, "label");
      if (!Double.isFinite(fullAt) || !Double.isFinite(zeroAt)) {
        throw new IllegalArgumentException("curve thresholds must be finite");
      }
      if (higherIsBetter ? !(zeroAt < fullAt) : !(fullAt < zeroAt)) {
        throw new IllegalArgumentException(
            "curve thresholds out of order: full at " + fullAt + ", zero at " + zeroAt);
      }
    }

    @Override
    public double fraction(double x) {
      return higherIsBetter
          ? Curves.rising(x, zeroAt, fullAt)
          : Curves.declining(x, fullAt, zeroAt);
    }

    /** The thresholds as rubric terms {@code {name.full}} and {@code {name.zero}}. */
    java.util.Map<String, String> terms(String name) {
      return java.util.Map.of(
          name + ".full", label.apply(fullAt), name + ".zero", label.apply(zeroAt));
    }

    /** E.g. "full points up to 2 %, none from 30 %, linear in between". */
    @Override
    public String rubric(double max) {
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

  /**
   * Tiers, lower is better: the first threshold the value does not exceed decides its fraction.
   *
   * @param thresholds ascending upper bounds of the tiers
   * @param fractions the fraction each tier earns, not increasing
   * @param beyond the fraction above the last threshold
   * @param label how a threshold is written in the rubric
   */
  record Steps(
      List<Double> thresholds, List<Double> fractions, double beyond, DoubleFunction<String> label)
      implements Curve {
    public Steps {
      thresholds = List.copyOf(thresholds);
      fractions = List.copyOf(fractions);
      Objects.requireNonNull(label, "label");
      if (thresholds.isEmpty() || thresholds.size() != fractions.size()) {
        throw new IllegalArgumentException("one fraction per threshold, at least one tier");
      }
      List<Double> all = new ArrayList<>(fractions);
      all.add(beyond);
      for (int i = 0; i < all.size(); i++) {
        if (!(all.get(i) >= 0 && all.get(i) <= 1)) {
          throw new IllegalArgumentException("tier fractions must lie in [0, 1]");
        }
        if (i > 0 && all.get(i) > all.get(i - 1)) {
          throw new IllegalArgumentException("tier fractions must not increase");
        }
      }
      for (int i = 0; i < thresholds.size(); i++) {
        if (!Double.isFinite(thresholds.get(i))
            || (i > 0 && !(thresholds.get(i) > thresholds.get(i - 1)))) {
          throw new IllegalArgumentException("tier thresholds must be finite and ascending");
        }
      }
    }

    @Override
    public double fraction(double x) {
      for (int i = 0; i < thresholds.size(); i++) {
        if (x <= thresholds.get(i)) {
          return fractions.get(i);
        }
      }
      return beyond;
    }

    /** E.g. "15 points for 15 working days or less, 10 up to 35 working days, 5 beyond". */
    @Override
    public String rubric(double max) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < thresholds.size(); i++) {
        String points = Fmt.num(Curves.round2(max * fractions.get(i)));
        text.append(
            i == 0
                ? points + " points for " + label.apply(thresholds.get(i)) + " or less"
                : ", " + points + " up to " + label.apply(thresholds.get(i)));
      }
      return text.append(", ")
          .append(Fmt.num(Curves.round2(max * beyond)))
          .append(" beyond")
          .toString();
    }
  }

  /**
   * Logarithmic between two powers of ten, flat beyond them; higher is better.
   *
   * @param zeroExponent at or below {@code 10^zeroExponent} nothing
   * @param fullExponent from {@code 10^fullExponent} full credit
   * @param label how a threshold is written in the rubric ("USD 1M", "10 %")
   */
  record Log(int zeroExponent, int fullExponent, DoubleFunction<String> label) implements Curve {
    public Log {
      Objects.requireNonNull(label, "label");
      if (!(zeroExponent < fullExponent)) {
        throw new IllegalArgumentException(
            "log curve thresholds out of order: nothing at 1e"
                + zeroExponent
                + ", full at 1e"
                + fullExponent);
      }
    }

    @Override
    public double fraction(double x) {
      return Curves.rising(
          x <= 0 ? Double.NEGATIVE_INFINITY : Math.log10(x), zeroExponent, fullExponent);
    }

    /** The threshold where credit starts, in words ("USD 1M"). */
    String zero() {
      return label.apply(Math.pow(10, zeroExponent));
    }

    /** The threshold of full credit, in words ("USD 1B"). */
    String full() {
      return label.apply(Math.pow(10, fullExponent));
    }

    /** E.g. "nothing at USD 1M or less, full points at USD 1B or more, on a log scale". */
    @Override
    public String rubric(double max) {
      return "nothing at "
          + zero()
          + " or less, full points at "
          + full()
          + " or more, on a log scale";
    }

    /** The thresholds as rubric terms {@code {name.zero}} and {@code {name.full}}. */
    java.util.Map<String, String> terms(String name) {
      return java.util.Map.of(name + ".zero", zero(), name + ".full", full());
    }
  }
}
