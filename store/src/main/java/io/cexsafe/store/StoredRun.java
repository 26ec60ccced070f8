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
  public StoredRun {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(startedAt, "startedAt");
    if (exchangesDone < 0 || exchangesDone > plan.exchangeIds().size()) {
      throw new IllegalArgumentException(
          "exchangesDone must be within [0, " + plan.exchangeIds().size() + "]: " + exchangesDone);
    }
  }

  /** The run's id. */
  public String runId() {
    return plan.runId();
  }

  /** The run's evaluation instant. */
  public Instant asOf() {
    return plan.asOf();
  }

  /** The exchanges the run covers, in order. */
  public List<String> exchangeIds() {
    return plan.exchangeIds();
  }

  /** What a resumed run must reuse. */
  public Map<String, String> settings() {
    return plan.settings();
  }

  /** True once {@link EvidenceStore#finishRun(String)} recorded its end. */
  public boolean finished() {
    return finishedAt != null;
  }
}
