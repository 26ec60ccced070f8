package io.cexsafe.scoring;

import java.util.List;
import java.util.Objects;

/**
 * What one rule made of the evidence.
 *
 * @param ruleId stable id, e.g. {@code por.attestation-age}
 * @param title a short human title
 * @param maxPoints the most the rule can award (the rules of a pillar sum to 100)
 * @param points points awarded; 0 when unknown
 * @param status known, checked absent or unknown
 * @param value the observed value in a few words (e.g. "mandatory", "ZK proof, 41 days old"), or
 *     null when unknown
 * @param explanation one line saying why these points
 * @param evidenceIds the evidence the rule used
 * @param stale some of that evidence has passed its stale-after date
 */
public record RuleResult(
    String ruleId,
    String title,
    double maxPoints,
    double points,
    RuleStatus status,
    String value,
    String explanation,
    List<String> evidenceIds,
    boolean stale) {
  /**
   * Validates the components, copying its lists.
   *
   * @param ruleId stable id, e.g. {@code por.attestation-age}
   * @param title a short human title
   * @param maxPoints the most the rule can award (the rules of a pillar sum to 100)
   * @param points points awarded; 0 when unknown
   * @param status known, checked absent or unknown
   * @param value the observed value in a few words (e.g. "mandatory", "ZK proof, 41 days old"), or
   *     null when unknown
   * @param explanation one line saying why these points
   * @param evidenceIds the evidence the rule used
   * @param stale some of that evidence has passed its stale-after date
   */
  public RuleResult {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(explanation, "explanation");
    if (!(maxPoints > 0)) {
      throw new IllegalArgumentException("maxPoints must be positive: " + maxPoints);
    }
    if (!(points >= 0 && points <= maxPoints)) {
      throw new IllegalArgumentException(
          ruleId + ": points must be within [0, " + maxPoints + "]: " + points);
    }
    if (status == RuleStatus.UNKNOWN && points != 0) {
      throw new IllegalArgumentException(ruleId + ": an unknown rule awards no points");
    }
    evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
  }

  /** {@return true when the rule's facts were there} */
  public boolean known() {
    return status == RuleStatus.KNOWN;
  }

  /** {@return true when the rule is backed by evidence: known or checked absent} */
  public boolean covered() {
    return status.covered();
  }
}
