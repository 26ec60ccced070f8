package io.cexsafe.scoring.internal;

import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A tally kind: weighted counts that earn the maximum at {@code fullAt}, where confirmed counts can
 * reach the whole maximum and mere claims at most {@code claimsAtMost} of it ("claims alone never
 * earn more than half"). Rubric terms: {@code {fullAt}} and {@code {claims}}.
 */
final class Tally implements Scale {
  private final double max;
  private final double fullAt;
  private final double claimsAtMost;
  private final DoubleFunction<String> countLabel;
  private final DoubleFunction<String> shareLabel;

  /**
   * @param max the rule's maximum
   * @param fullAt the confirmed count that earns the maximum
   * @param claimsAtMost the share of the maximum claims alone can earn, within (0, 1]
   * @param countLabel how {@code fullAt} is written ("2.5", "four")
   * @param shareLabel how {@code claimsAtMost} is written ("0.5", "half")
   */
  Tally(
      double max,
      double fullAt,
      double claimsAtMost,
      DoubleFunction<String> countLabel,
      DoubleFunction<String> shareLabel) {
    if (!(max > 0) || Double.isInfinite(max)) {
      throw new IllegalArgumentException(
          "a tally's maximum must be finite and above 0, not " + max);
    }
    if (!(fullAt > 0) || Double.isInfinite(fullAt)) {
      throw new IllegalArgumentException(
          "a tally is full at a finite count above 0, not " + fullAt);
    }
    if (!(claimsAtMost > 0 && claimsAtMost <= 1)) {
      throw new IllegalArgumentException(
          "claims may earn a share of the maximum within (0, 1], not " + claimsAtMost);
    }
    this.max = max;
    this.fullAt = fullAt;
    this.claimsAtMost = claimsAtMost;
    this.countLabel = Objects.requireNonNull(countLabel, "countLabel");
    this.shareLabel = Objects.requireNonNull(shareLabel, "shareLabel");
  }

  @Override
  public double max() {
    return max;
  }

  /**
   * The share of the maximum earned by {@code confirmed} and {@code claimed} counts, plus {@code
   * extra} counts the caller already capped (e.g. all minor jurisdictions together).
   */
  double fraction(double confirmed, double claimed, double extra) {
    if (!(confirmed >= 0 && claimed >= 0 && extra >= 0)) {
      throw new IllegalArgumentException("tally counts must not be negative");
    }
    return Math.min(
        1,
        Math.min(1, confirmed / fullAt)
            + Math.min(claimsAtMost, claimed / fullAt)
            + extra / fullAt);
  }

  double points(double confirmed, double claimed, double extra) {
    return max * fraction(confirmed, claimed, extra);
  }

  @Override
  public Map<String, String> terms() {
    return Map.of("fullAt", countLabel.apply(fullAt), "claims", shareLabel.apply(claimsAtMost));
  }
}
