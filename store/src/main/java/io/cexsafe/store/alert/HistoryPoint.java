package io.cexsafe.store.alert;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.scoring.Scorecard;
import java.util.Objects;

/**
 * One stored run of one exchange, as alert rules read it: the run, its evidence and its scorecard.
 *
 * @param runId the run's id
 * @param bundle the evidence the run collected for the exchange
 * @param scorecard the scorecard the run computed from it
 */
public record HistoryPoint(String runId, EvidenceBundle bundle, Scorecard scorecard) {
  public HistoryPoint {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(scorecard, "scorecard");
    if (!bundle.exchangeId().equals(scorecard.exchangeId())) {
      throw new IllegalArgumentException(
          "the bundle is about "
              + bundle.exchangeId()
              + ", the scorecard about "
              + scorecard.exchangeId());
    }
  }

  /** The exchange. */
  public String exchangeId() {
    return bundle.exchangeId();
  }
}
