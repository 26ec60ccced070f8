package io.cexsafe.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run as the store knows it.
 *
 * @param plan what the run set out to do
 * @param startedAt when it was recorded
 * @param finishedAt when it was finished, or null while it is running or after it was interrupted
 * @param exchangesDone how many of its exchanges are committed
 */
public record StoredRun(RunPlan plan, Instant startedAt, Instant finishedAt, int exchangesDone) {
  /**
   * Validates the run.
   *
   * @param plan what the run set out to do
   * @param startedAt when it was recorded
   * @param finishedAt when it was finished, or null while it is running or after it was interrupted
   * @param exchangesDone how many of its exchanges are committed
   * @throws IllegalArgumentException when {@code exchangesDone} is negative or exceeds the plan's
   *     exchange count
   */
  public StoredRun {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(startedAt, "startedAt");
    if (exchangesDone < 0 || exchangesDone > plan.exchangeIds().size()) {
      throw new IllegalArgumentException(
          "exchangesDone must be within [0, " + plan.exchangeIds().size() + "]: " + exchangesDone);
    }
  }

  /** {@return the run's id, from its plan} */
  public String runId() {
    return plan.runId();
  }

  /** {@return the run's evaluation instant, from its plan} */
  public Instant asOf() {
    return plan.asOf();
  }

  /** {@return the exchanges the run covers, in order} */
  public List<String> exchangeIds() {
    return plan.exchangeIds();
  }

  /** {@return the settings a resumed run must reuse, by name} */
  public Map<String, String> settings() {
    return plan.settings();
  }

  /** {@return true once {@link EvidenceStore#finishRun(String)} recorded its end} */
  public boolean finished() {
    return finishedAt != null;
  }
}
