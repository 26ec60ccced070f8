package io.cexsafe.collectors.defillama;

import io.cexsafe.Evidence;
import io.cexsafe.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exchange's past as {@link DefiLlamaBackfill} rebuilt it from DeFiLlama's dated data: reserve
 * snapshots (one per day, oldest first) and incidents, each retrieved now and describing a past
 * date, with a provenance note that begins with {@value DefiLlamaBackfill#NOTE_PREFIX}. No score is
 * ever reconstructed.
 *
 * @param exchangeId the exchange
 * @param reserves one reserve snapshot per day of DeFiLlama's history, oldest first
 * @param incidents the exchange's incidents in DeFiLlama's hacks list
 * @param problems what went wrong (a failed call, a value that could not be represented): each
 *     loses only what it concerns
 */
public record ReconstructedHistory(
    String exchangeId, List<Evidence> reserves, List<Evidence> incidents, List<Problem> problems) {
  /**
   * Validates the history and copies its lists.
   *
   * @param exchangeId the exchange
   * @param reserves one reserve snapshot per day of DeFiLlama's history, oldest first
   * @param incidents the exchange's incidents in DeFiLlama's hacks list
   * @param problems what went wrong; each loses only what it concerns
   * @throws IllegalArgumentException when a piece of evidence is of another exchange
   */
  public ReconstructedHistory {
    Objects.requireNonNull(exchangeId, "exchangeId");
    reserves = List.copyOf(reserves);
    incidents = List.copyOf(incidents);
    problems = List.copyOf(problems);
    for (Evidence e : reserves) {
      requireOwn(exchangeId, e);
    }
    for (Evidence e : incidents) {
      requireOwn(exchangeId, e);
    }
  }

  private static void requireOwn(String exchangeId, Evidence e) {
    if (!e.exchangeId().equals(exchangeId)) {
      throw new IllegalArgumentException(
          "evidence of " + e.exchangeId() + " in the history of " + exchangeId);
    }
  }

  /** {@return every reconstructed fact: the reserve snapshots, then the incidents} */
  public List<Evidence> evidence() {
    List<Evidence> all = new ArrayList<>(reserves);
    all.addAll(incidents);
    return List.copyOf(all);
  }

  /** {@return true when nothing could be reconstructed and something went wrong} */
  public boolean failed() {
    return reserves.isEmpty() && incidents.isEmpty() && !problems.isEmpty();
  }
}
