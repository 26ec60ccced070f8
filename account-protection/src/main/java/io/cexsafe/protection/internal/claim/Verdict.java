package io.cexsafe.protection.internal.claim;

import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ClaimAssessment.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a covered claim and its one-line summary: a failing or outstanding condition wins
 * over missing facts, which win over meeting the conditions.
 *
 * @param outcome the outcome; never {@link Outcome#NOT_COVERED}, which {@link Coverage} decides
 * @param summary one line for people
 */
public record Verdict(Outcome outcome, String summary) {
  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * @param conditions the results of every minimum condition, in the programme's order
   * @param missingPaths JSON paths of the facts still needed, in the order found
   * @param discretionary whether relief stays at the exchange's discretion
   */
  public static Verdict of(
      List<ConditionResult> conditions, List<String> missingPaths, boolean discretionary) {
    List<ConditionResult> failing =
        conditions.stream()
            .filter(
                c ->
                    c.status() == ConditionStatus.NOT_MET
                        || c.status() == ConditionStatus.OUTSTANDING)
            .toList();
    if (!failing.isEmpty()) {
      return new Verdict(
          Outcome.CONDITIONS_NOT_MET,
          "Minimum conditions not met: "
              + String.join(
                  ", ",
                  failing.stream()
                      .map(
                          c ->
                              c.number()
                                  + " ("
                                  + c.id()
                                  + (c.status() == ConditionStatus.OUTSTANDING
                                      ? ", outstanding"
                                      : "")
                                  + ")")
                      .toList())
              + ".");
    }
    if (!missingPaths.isEmpty()) {
      return new Verdict(
          Outcome.INFORMATION_NEEDED,
          "Nothing fails so far, but "
              + missingPaths.size()
              + " fact"
              + (missingPaths.size() == 1 ? " is" : "s are")
              + " still needed: "
              + String.join(", ", missingPaths)
              + ".");
    }
    return new Verdict(
        Outcome.MEETS_MINIMUM_CONDITIONS,
        "Meets the programme's minimum conditions."
            + (discretionary
                ? " Relief is not guaranteed: it stays at the exchange's discretion."
                : ""));
  }
}
