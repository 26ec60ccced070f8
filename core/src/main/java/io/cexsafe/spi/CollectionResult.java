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

  /** The collector does not apply to this exchange (e.g. {@link ReasonCode#NOT_LISTED}). */
  public static CollectionResult skipped(ReasonCode reason, String message) {
    Objects.requireNonNull(reason, "reason");
    if (reason == ReasonCode.NONE) {
      throw new IllegalArgumentException("a skipped result needs a reason");
    }
    return new CollectionResult(List.of(), List.of(), OutcomeStatus.SKIPPED, reason, message);
  }

  /** Nothing could be collected because of {@code failure}. */
  public static CollectionResult failed(SourceException failure) {
    return builder().problem(failure).build();
  }

  /** Evidence only, no problems. */
  public static CollectionResult of(List<Evidence> evidence) {
    return builder().addAll(evidence).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Evidence> evidence() {
    return evidence;
  }

  public List<Problem> problems() {
    return problems;
  }

  public OutcomeStatus status() {
    return status;
  }

  /** {@return the main reason: the skip reason, or the first problem's} */
  public ReasonCode reason() {
    return reason;
  }

  public String message() {
    return message;
  }

  /** Accumulates evidence and problems. */
  public static final class Builder {
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private Builder() {}

    public Builder add(Evidence item) {
      evidence.add(Objects.requireNonNull(item, "evidence"));
      return this;
    }

    public Builder addAll(List<Evidence> items) {
      items.forEach(this::add);
      return this;
    }

    public Builder problem(Problem problem) {
      problems.add(Objects.requireNonNull(problem, "problem"));
      return this;
    }

    public Builder problem(SourceException failure) {
      return problem(Problem.of(failure));
    }

    public Builder problem(ReasonCode reason, String message, String source) {
      return problem(new Problem(reason, message, source, null));
    }

    public boolean hasEvidence() {
      return !evidence.isEmpty();
    }

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
