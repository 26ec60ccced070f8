package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import java.util.List;
import java.util.Objects;

/** Builds the answers of a condition, carrying its number, id and wording. */
final class Results {
  private Results() {}

  static ConditionResult result(
      MinimumCondition condition,
      ConditionStatus status,
      List<String> details,
      List<Integer> failing) {
    return new ConditionResult(
        condition.number(), condition.id(), condition.text(), status, details, failing, List.of());
  }

  static ConditionResult met(MinimumCondition condition, String detail) {
    return result(condition, ConditionStatus.MET, List.of(detail), List.of());
  }

  static ConditionResult notMet(MinimumCondition condition, String detail) {
    return result(condition, ConditionStatus.NOT_MET, List.of(detail), List.of());
  }

  static ConditionResult outstanding(MinimumCondition condition, String detail) {
    return result(condition, ConditionStatus.OUTSTANDING, List.of(detail), List.of());
  }

  /** Undecided until the facts at {@code paths} are given. */
  static ConditionResult unknown(MinimumCondition condition, List<String> paths) {
    return new ConditionResult(
        condition.number(),
        condition.id(),
        condition.text(),
        ConditionStatus.UNKNOWN,
        List.of(),
        List.of(),
        paths);
  }

  static ConditionResult unknown(MinimumCondition condition, String path) {
    return unknown(condition, List.of(path));
  }

  static ReadinessGap gap(MinimumCondition condition, String problem, boolean unknown) {
    return new ReadinessGap(condition.number(), condition.id(), problem, unknown);
  }

  /** Rejects a condition handed to the type of another check. */
  static MinimumCondition requireCheck(MinimumCondition condition, ConditionCheck check) {
    Objects.requireNonNull(condition, "condition");
    if (condition.check() != check) {
      throw new IllegalArgumentException(
          "condition " + condition.id() + " checks " + condition.check() + ", not " + check);
    }
    return condition;
  }
}
