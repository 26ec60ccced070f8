package io.cexsafe.scoring.internal;

import java.util.Map;

/**
 * A deduction kind: the rule starts at its maximum and each finding against it (an incident, a
 * missing response) subtracts a weighted penalty, floored at 0. The penalty per unit of weight is
 * the maximum itself, or a declared smaller amount ({@code {per}} in the rubric).
 */
final class Deduction implements Scale {
  private final double max;
  private final double perUnit;

  private Deduction(double max, double perUnit) {
    if (!(max > 0) || Double.isInfinite(max)) {
      throw new IllegalArgumentException(
          "a deduction starts at a finite maximum above 0, not " + max);
    }
    if (!(perUnit > 0 && perUnit <= max)) {
      throw new IllegalArgumentException(
          "a penalty per unit must lie above 0 and not above the maximum " + Fmt.num(max));
    }
    this.max = max;
    this.perUnit = perUnit;
  }

  /** Starts at {@code max}; a unit of weight costs the whole maximum. */
  static Deduction startingAt(double max) {
    return new Deduction(max, max);
  }

  /** This deduction, where a unit of weight costs {@code perUnit}. */
  Deduction per(double perUnit) {
    return new Deduction(max, perUnit);
  }

  @Override
  public double max() {
    return max;
  }

  /** What one unit of weight costs. */
  double perUnit() {
    return perUnit;
  }

  /** What is left after {@code penalty}, never below 0. */
  double remaining(double penalty) {
    if (!(penalty >= 0)) {
      throw new IllegalArgumentException("a penalty must not be negative, not " + penalty);
    }
    return Math.max(0, max - penalty);
  }

  @Override
  public Map<String, String> terms() {
    return perUnit == max ? Map.of() : Map.of("per", Fmt.num(perUnit));
  }
}
