package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one collector fared for one exchange. The factories name the ways a run can end; the
 * constructor checks that status and reason agree.
 *
 * @param collectorId the collector
 * @param status ok, partial, failed or skipped
 * @param reason the main reason when not ok ({@link ReasonCode#NONE} when ok)
 * @param message a human explanation, or null when ok
 * @param evidenceCount how many pieces of evidence it produced
 * @param problems everything that went wrong, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectorOutcome(
    String collectorId,
    OutcomeStatus status,
    ReasonCode reason,
    String message,
    int evidenceCount,
    List<Problem> problems) {
  /**
   * Validates the outcome and copies its problems.
   *
   * @param collectorId the collector
   * @param status ok, partial, failed or skipped
   * @param reason the main reason when not ok ({@link ReasonCode#NONE} when ok)
   * @param message a human explanation, or null when ok
   * @param evidenceCount how many pieces of evidence it produced
   * @param problems everything that went wrong, in order
   * @throws IllegalArgumentException when the collector id is blank, an ok outcome has a reason, a
   *     not-ok outcome has none, or the evidence count is negative
   */
  public CollectorOutcome {
    collectorId = Strings.requireText(collectorId, "collectorId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    if (status == OutcomeStatus.OK && reason != ReasonCode.NONE) {
      throw new IllegalArgumentException("an ok outcome has no reason");
    }
    if (status != OutcomeStatus.OK && reason == ReasonCode.NONE) {
      throw new IllegalArgumentException("a " + status.id() + " outcome needs a reason");
    }
    message = Strings.blankToNull(message);
    if (evidenceCount < 0) {
      throw new IllegalArgumentException("evidenceCount must not be negative");
    }
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /**
   * Everything went well: evidence, no problems.
   *
   * @param collectorId the collector
   * @param evidenceCount how many pieces of evidence it produced
   * @return an ok outcome
   */
  public static CollectorOutcome ok(String collectorId, int evidenceCount) {
    return new CollectorOutcome(
        collectorId, OutcomeStatus.OK, ReasonCode.NONE, null, evidenceCount, List.of());
  }

  /**
   * Some evidence, and problems that cost the rest.
   *
   * @param collectorId the collector
   * @param reason the main reason the evidence is incomplete
   * @param message a human explanation
   * @param evidenceCount how many pieces of evidence it produced
   * @param problems everything that went wrong, in order
   * @return a partial outcome
   */
  public static CollectorOutcome partial(
      String collectorId,
      ReasonCode reason,
      String message,
      int evidenceCount,
      List<Problem> problems) {
    return new CollectorOutcome(
        collectorId, OutcomeStatus.PARTIAL, reason, message, evidenceCount, problems);
  }

  /**
   * No evidence because of the problems.
   *
   * @param collectorId the collector
   * @param reason the main reason it failed
   * @param message a human explanation
   * @param problems everything that went wrong, in order
   * @return a failed outcome with no evidence
   */
  public static CollectorOutcome failed(
      String collectorId, ReasonCode reason, String message, List<Problem> problems) {
    return new CollectorOutcome(collectorId, OutcomeStatus.FAILED, reason, message, 0, problems);
  }

  /**
   * Not run, or nothing to say, for {@code reason}: switched off, offline, no history, …
   *
   * @param collectorId the collector
   * @param reason why it was skipped
   * @param message a human explanation
   * @return a skipped outcome without problems
   */
  public static CollectorOutcome skipped(String collectorId, ReasonCode reason, String message) {
    return skipped(collectorId, reason, message, List.of());
  }

  /**
   * Skipped, with the problems that explain what was set aside.
   *
   * @param collectorId the collector
   * @param reason why it was skipped
   * @param message a human explanation
   * @param problems what was set aside, in order
   * @return a skipped outcome
   */
  public static CollectorOutcome skipped(
      String collectorId, ReasonCode reason, String message, List<Problem> problems) {
    return new CollectorOutcome(collectorId, OutcomeStatus.SKIPPED, reason, message, 0, problems);
  }

  /**
   * Cut off at its deadline. Whatever the run had gathered is not kept: it may be half of an
   * answer.
   *
   * @param collectorId the collector
   * @param after the deadline it exceeded
   * @return a failed outcome for {@link ReasonCode#DEADLINE_EXCEEDED}
   */
  public static CollectorOutcome timedOut(String collectorId, Duration after) {
    Objects.requireNonNull(after, "after");
    return new CollectorOutcome(
        collectorId,
        OutcomeStatus.FAILED,
        ReasonCode.DEADLINE_EXCEEDED,
        "cut off after " + after.toMillis() + " ms",
        0,
        List.of());
  }

  /**
   * The collector threw instead of reporting its failure as data: a bug in the collector.
   *
   * @param collectorId the collector
   * @param thrown what it threw
   * @return a failed outcome for {@link ReasonCode#INTERNAL_ERROR} naming the exception
   */
  public static CollectorOutcome threw(String collectorId, Throwable thrown) {
    Objects.requireNonNull(thrown, "thrown");
    Problem problem =
        new Problem(
            ReasonCode.INTERNAL_ERROR,
            "collector threw " + thrown.getClass().getSimpleName() + ": " + thrown.getMessage(),
            null,
            null);
    return failed(collectorId, ReasonCode.INTERNAL_ERROR, problem.message(), List.of(problem));
  }

  /**
   * The outcome as the collector reported it, counting the evidence the runner kept.
   *
   * @param collectorId the collector
   * @param status the status it reported
   * @param reason the main reason it reported ({@link ReasonCode#NONE} when ok)
   * @param message its explanation, or null
   * @param evidenceCount how much of its evidence the runner kept
   * @param problems the problems it reported
   * @return the outcome
   * @throws IllegalArgumentException when status and reason disagree
   * @see #afterDropping(List, ReasonCode, OutcomeStatus)
   */
  public static CollectorOutcome reported(
      String collectorId,
      OutcomeStatus status,
      ReasonCode reason,
      String message,
      int evidenceCount,
      List<Problem> problems) {
    return new CollectorOutcome(collectorId, status, reason, message, evidenceCount, problems);
  }

  /**
   * This outcome with the problems that explain evidence the runner set aside appended. An ok
   * outcome is no longer ok: it becomes partial, or {@code whenNothingLeft} when no evidence is
   * left, for {@code reason} and with the last of {@code dropped} as its message. An outcome that
   * was already not ok keeps its own status, reason and message, which came first.
   *
   * @param dropped the problems explaining the evidence set aside; none leaves this outcome as is
   * @param reason the reason an ok outcome takes
   * @param whenNothingLeft the status an ok outcome takes when no evidence is left
   * @return the outcome with the problems appended
   */
  public CollectorOutcome afterDropping(
      List<Problem> dropped, ReasonCode reason, OutcomeStatus whenNothingLeft) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(whenNothingLeft, "whenNothingLeft");
    if (dropped.isEmpty()) {
      return this;
    }
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(dropped);
    if (status != OutcomeStatus.OK) {
      return new CollectorOutcome(collectorId, status, this.reason, message, evidenceCount, all);
    }
    return new CollectorOutcome(
        collectorId,
        evidenceCount == 0 ? whenNothingLeft : OutcomeStatus.PARTIAL,
        reason,
        dropped.get(dropped.size() - 1).message(),
        evidenceCount,
        all);
  }

  /** {@return whether the collector ran and reported no problem} */
  public boolean isOk() {
    return status == OutcomeStatus.OK;
  }
}
