package io.cexsafe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * How one collector fared for one exchange.
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

  public boolean isOk() {
    return status == OutcomeStatus.OK;
  }
}
