package io.cexsafe.spi;

import io.cexsafe.Evidence;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a collector returns: evidence plus problems. The status follows from them: ok without
 * problems, partial with both, failed with problems and no evidence; or skipped when the collector
 * says it does not apply.
 */
public final class CollectionResult {
  private final List<Evidence> evidence;
  private final List<Problem> problems;
  private final OutcomeStatus status;
  private final ReasonCode reason;
  private final String message;

  private CollectionResult(
      List<Evidence> evidence,
      List<Problem> problems,
      OutcomeStatus status,
      ReasonCode reason,
      String message) {
    this.evidence = List.copyOf(evidence);
    this.problems = List.copyOf(problems);
    this.status = status;
    this.reason = reason;
    this.message = message;
  }

  /**
   * The collector does not apply to this exchange (e.g. {@link ReasonCode#NOT_LISTED}).
   *
   * @param reason why it does not apply; not {@link ReasonCode#NONE}
   * @param message a human explanation
   * @return a skipped result
   * @throws IllegalArgumentException when the reason is {@link ReasonCode#NONE}
   */
  public static CollectionResult skipped(ReasonCode reason, String message) {
    Objects.requireNonNull(reason, "reason");
    if (reason == ReasonCode.NONE) {
      throw new IllegalArgumentException("a skipped result needs a reason");
    }
    return new CollectionResult(List.of(), List.of(), OutcomeStatus.SKIPPED, reason, message);
  }

  /**
   * Nothing could be collected because of {@code failure}.
   *
   * @param failure what went wrong
   * @return a failed result with one problem
   */
  public static CollectionResult failed(SourceException failure) {
    return builder().problem(failure).build();
  }

  /**
   * Evidence only, no problems.
   *
   * @param evidence the evidence
   * @return an ok result
   */
  public static CollectionResult of(List<Evidence> evidence) {
    return builder().addAll(evidence).build();
  }

  /** {@return a builder to accumulate evidence and problems} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the evidence collected, in order} */
  public List<Evidence> evidence() {
    return evidence;
  }

  /** {@return everything that went wrong, in order} */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * {@return ok without problems; partial or failed with them, as evidence was or was not
   * collected; or skipped}
   */
  public OutcomeStatus status() {
    return status;
  }

  /** {@return the main reason: the skip reason, or the first problem's} */
  public ReasonCode reason() {
    return reason;
  }

  /**
   * {@return the explanation: the skip message or the first problem's (with how many more), or null
   * when ok}
   */
  public String message() {
    return message;
  }

  /** Accumulates evidence and problems. */
  public static final class Builder {
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private Builder() {}

    /**
     * Adds one piece of evidence.
     *
     * @param item the evidence
     * @return this builder
     */
    public Builder add(Evidence item) {
      evidence.add(Objects.requireNonNull(item, "evidence"));
      return this;
    }

    /**
     * Adds evidence.
     *
     * @param items the evidence, in order
     * @return this builder
     */
    public Builder addAll(List<Evidence> items) {
      items.forEach(this::add);
      return this;
    }

    /**
     * Records a problem.
     *
     * @param problem what went wrong
     * @return this builder
     */
    public Builder problem(Problem problem) {
      problems.add(Objects.requireNonNull(problem, "problem"));
      return this;
    }

    /**
     * Records a source failure as a problem.
     *
     * @param failure what went wrong
     * @return this builder
     */
    public Builder problem(SourceException failure) {
      return problem(Problem.of(failure));
    }

    /**
     * Records a problem.
     *
     * @param reason why
     * @param message a human explanation, without credentials
     * @param source the URL or resource concerned, or null
     * @return this builder
     */
    public Builder problem(ReasonCode reason, String message, String source) {
      return problem(new Problem(reason, message, source, null));
    }

    /** {@return whether any evidence was added} */
    public boolean hasEvidence() {
      return !evidence.isEmpty();
    }

    /**
     * Builds the result: ok without problems, else partial with evidence and failed without, for
     * the first problem's reason.
     *
     * @return the result
     */
    public CollectionResult build() {
      if (problems.isEmpty()) {
        return new CollectionResult(evidence, problems, OutcomeStatus.OK, ReasonCode.NONE, null);
      }
      Problem first = problems.get(0);
      String message =
          problems.size() == 1
              ? first.message()
              : first.message() + " (and " + (problems.size() - 1) + " more problems)";
      return new CollectionResult(
          evidence,
          problems,
          evidence.isEmpty() ? OutcomeStatus.FAILED : OutcomeStatus.PARTIAL,
          first.reason(),
          message);
    }
  }
}
