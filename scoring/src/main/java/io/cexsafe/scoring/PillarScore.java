package io.cexsafe.scoring;

import io.cexsafe.Pillar;
import java.util.List;
import java.util.Objects;

/**
 * One pillar's result. Points are out of 100: the pillar's rule maxima sum to 100.
 *
 * @param pillar the pillar
 * @param weight its weight in the methodology used
 * @param estimate points of the known and checked-absent rules plus each unknown rule's maximum
 *     times the prior ({@link Scorer#UNKNOWN_PRIOR}); never null in methodology 2.0 (the type stays
 *     nullable for scorecards written by 1.0)
 * @param low the estimate if every unknown rule earned nothing
 * @param high the estimate if every unknown rule earned its maximum
 * @param coverage share of the rule maxima that are known or checked absent, in [0, 1]
 * @param rules every rule's result, in rule order
 */
public record PillarScore(
    Pillar pillar,
    double weight,
    Double estimate,
    double low,
    double high,
    double coverage,
    List<RuleResult> rules) {
  /**
   * Validates the components, copying its lists.
   *
   * @param pillar the pillar
   * @param weight its weight in the methodology used
   * @param estimate points of the known and checked-absent rules plus each unknown rule's maximum
   *     times the prior ({@link Scorer#UNKNOWN_PRIOR}); never null in methodology 2.0 (the type
   *     stays nullable for scorecards written by 1.0)
   * @param low the estimate if every unknown rule earned nothing
   * @param high the estimate if every unknown rule earned its maximum
   * @param coverage share of the rule maxima that are known or checked absent, in [0, 1]
   * @param rules every rule's result, in rule order
   */
  public PillarScore {
    Objects.requireNonNull(pillar, "pillar");
    if (!(weight >= 0)) {
      throw new IllegalArgumentException("weight must not be negative: " + weight);
    }
    if (!(coverage >= 0 && coverage <= 1)) {
      throw new IllegalArgumentException("coverage must be within [0, 1]: " + coverage);
    }
    if (!(low >= 0 && low <= high && high <= 100)) {
      throw new IllegalArgumentException("need 0 <= low <= high <= 100: " + low + ", " + high);
    }
    if (estimate != null && !(low <= estimate && estimate <= high)) {
      throw new IllegalArgumentException(
          "estimate " + estimate + " outside [" + low + ", " + high + "]");
    }
    if (estimate == null && coverage != 0) {
      throw new IllegalArgumentException("estimate is required when coverage is positive");
    }
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /**
   * The result of one rule.
   *
   * @param ruleId the rule's id
   * @return its result, or null when this pillar has no such rule
   */
  public RuleResult rule(String ruleId) {
    return rules.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElse(null);
  }
}
