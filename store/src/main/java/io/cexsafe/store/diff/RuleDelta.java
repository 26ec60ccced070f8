package io.cexsafe.store.diff;

import io.cexsafe.Pillar;
import io.cexsafe.scoring.RuleStatus;
import java.util.Objects;

/**
 * How one scoring rule moved between two scorecards.
 *
 * @param pillar the pillar the rule belongs to
 * @param ruleId the rule's id, e.g. {@code por.attestation-age}
 * @param title the rule's title
 * @param statusBefore known, checked absent or unknown in the earlier scorecard; null when the rule
 *     was not there
 * @param statusAfter the same in the later scorecard; null when the rule is no longer there
 * @param pointsBefore points awarded before (0 when absent or unknown)
 * @param pointsAfter points awarded after (0 when absent or unknown)
 * @param valueBefore the rule's observed value before, or null
 * @param valueAfter the rule's observed value after, or null
 * @param overallImpact the change this rule made to the overall estimate (out of 100): the change
 *     of its points, an unknown rule counted at the prior, times its pillar's weight
 */
public record RuleDelta(
    Pillar pillar,
    String ruleId,
    String title,
    RuleStatus statusBefore,
    RuleStatus statusAfter,
    double pointsBefore,
    double pointsAfter,
    String valueBefore,
    String valueAfter,
    double overallImpact) {
  /**
   * Validates the delta.
   *
   * @param pillar the pillar the rule belongs to
   * @param ruleId the rule's id, e.g. {@code por.attestation-age}
   * @param title the rule's title
   * @param statusBefore known, checked absent or unknown in the earlier scorecard; null when the
   *     rule was not there
   * @param statusAfter the same in the later scorecard; null when the rule is no longer there
   * @param pointsBefore points awarded before (0 when absent or unknown)
   * @param pointsAfter points awarded after (0 when absent or unknown)
   * @param valueBefore the rule's observed value before, or null
   * @param valueAfter the rule's observed value after, or null
   * @param overallImpact the change this rule made to the overall estimate (out of 100): the change
   *     of its points, an unknown rule counted at the prior, times its pillar's weight
   * @throws IllegalArgumentException when the points or the overall impact are not finite
   */
  public RuleDelta {
    Objects.requireNonNull(pillar, "pillar");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    if (!Double.isFinite(pointsBefore) || !Double.isFinite(pointsAfter)) {
      throw new IllegalArgumentException(ruleId + ": points must be finite");
    }
    if (!Double.isFinite(overallImpact)) {
      throw new IllegalArgumentException(ruleId + ": overallImpact must be finite");
    }
  }

  /**
   * {@return the change of the rule's own points (out of its maximum): after minus before, negative
   * when it lost points}
   */
  public double pointsDelta() {
    return pointsAfter - pointsBefore;
  }
}
