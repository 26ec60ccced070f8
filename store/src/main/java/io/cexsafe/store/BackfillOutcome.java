package io.cexsafe.store;

/**
 * What {@link EvidenceStore#recordReconstructed(String, String, java.util.List)} did with the facts
 * it was given.
 *
 * @param recorded facts newly recorded
 * @param alreadyStored facts left out because the store already held one with the same identity for
 *     that day (a backfill run again adds nothing twice)
 * @param coveredByRuns facts left out because an assessed run of the exchange was evaluated on
 *     their day: a real run always wins for its date
 */
public record BackfillOutcome(int recorded, int alreadyStored, int coveredByRuns) {
  /**
   * Validates the counts.
   *
   * @param recorded facts newly recorded
   * @param alreadyStored facts already held for their day
   * @param coveredByRuns facts whose day an assessed run covers
   * @throws IllegalArgumentException when a count is negative
   */
  public BackfillOutcome {
    if (recorded < 0 || alreadyStored < 0 || coveredByRuns < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: " + recorded + ", " + alreadyStored + ", " + coveredByRuns);
    }
  }
}
