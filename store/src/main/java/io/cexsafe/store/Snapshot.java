package io.cexsafe.store;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.scoring.Scorecard;
import java.util.Objects;

/**
 * What the store holds for one exchange in one run: the evidence bundle (evidence and collector
 * outcomes) and its scorecard, exactly as committed.
 *
 * @param runId the run
 * @param bundle the evidence and outcomes
 * @param scorecard the scorecard
 */
public record Snapshot(String runId, EvidenceBundle bundle, Scorecard scorecard) {
  /**
   * Checks that the bundle and the scorecard are of the same exchange.
   *
   * @param runId the run
   * @param bundle the evidence and outcomes
   * @param scorecard the scorecard
   * @throws IllegalArgumentException when the scorecard is of another exchange than the bundle
   */
  public Snapshot {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(scorecard, "scorecard");
    if (!bundle.exchangeId().equals(scorecard.exchangeId())) {
      throw new IllegalArgumentException(
          "bundle of " + bundle.exchangeId() + " with the scorecard of " + scorecard.exchangeId());
    }
  }

  /** {@return the id of the exchange the bundle and scorecard are of} */
  public String exchangeId() {
    return bundle.exchangeId();
  }
}
