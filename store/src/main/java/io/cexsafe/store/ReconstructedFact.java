package io.cexsafe.store;

import io.cexsafe.Evidence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A fact a backfill reconstructed from a source's dated history and the store recorded with {@link
 * EvidenceStore#recordReconstructed(String, String, java.util.List)}: retrieved when the backfill
 * ran, describing a past date. It belongs to no assessed run and carries no score.
 *
 * @param backfillId the id of the backfill that recorded it (e.g. the CLI invocation's run id)
 * @param evidence the fact and its provenance, with its retrieval time
 * @param recordedAt when the store recorded it
 */
public record ReconstructedFact(String backfillId, Evidence evidence, Instant recordedAt) {
  /**
   * Validates the fact.
   *
   * @param backfillId the id of the backfill that recorded it
   * @param evidence the fact and its provenance, with its retrieval time
   * @param recordedAt when the store recorded it
   * @throws NullPointerException when a component is null
   */
  public ReconstructedFact {
    Objects.requireNonNull(backfillId, "backfillId");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  /** {@return the UTC day the fact describes: the day of its observation} */
  public LocalDate day() {
    return LocalDate.ofInstant(evidence.provenance().observedAt(), ZoneOffset.UTC);
  }

  /** {@return always true: a reconstructed fact says so wherever it goes} */
  public boolean reconstructed() {
    return true;
  }
}
