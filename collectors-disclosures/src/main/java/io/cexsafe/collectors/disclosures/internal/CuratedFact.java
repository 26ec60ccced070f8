package io.cexsafe.collectors.disclosures.internal;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Provenance;
import io.cexsafe.facts.Fact;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One fact of a disclosure file, as the curator wrote it.
 *
 * @param id the curator's stable id; a user file overrides a bundled fact by reusing it
 * @param exchangeId the exchange the file is about
 * @param fact the typed fact
 * @param sourceUrl where the fact was read (an absolute URI)
 * @param sourceTitle the title of that source
 * @param observedOn when the source published or showed the fact
 * @param curatedOn when the file was curated (becomes {@code retrievedAt})
 * @param evidenceClass how the fact is known
 * @param staleAfter when it should no longer be relied on, or null
 * @param note the curator's remark, or null
 * @param origin the file it came from, for messages
 * @param userSupplied true when it comes from a user directory rather than the bundled dataset
 * @param overrides the bundled fact this one replaces, or null
 */
public record CuratedFact(
    String id,
    String exchangeId,
    Fact fact,
    URI sourceUrl,
    String sourceTitle,
    LocalDate observedOn,
    LocalDate curatedOn,
    EvidenceClass evidenceClass,
    LocalDate staleAfter,
    String note,
    String origin,
    boolean userSupplied,
    CuratedFact overrides) {
  public CuratedFact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(exchangeId, "exchangeId");
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(sourceUrl, "sourceUrl");
    Objects.requireNonNull(sourceTitle, "sourceTitle");
    Objects.requireNonNull(observedOn, "observedOn");
    Objects.requireNonNull(curatedOn, "curatedOn");
    Objects.requireNonNull(evidenceClass, "evidenceClass");
    Objects.requireNonNull(origin, "origin");
  }

  /** This fact, replacing {@code bundled}. */
  public CuratedFact overriding(CuratedFact bundled) {
    return new CuratedFact(
        id,
        exchangeId,
        fact,
        sourceUrl,
        sourceTitle,
        observedOn,
        curatedOn,
        evidenceClass,
        staleAfter,
        note,
        origin,
        userSupplied,
        bundled);
  }

  /** The evidence this fact becomes; its id is derived from the curator's id. */
  public Evidence toEvidence(String collectorId) {
    StringBuilder remark = new StringBuilder();
    if (overrides != null) {
      remark
          .append("overrides bundled fact '")
          .append(id)
          .append("' (")
          .append(overrides.sourceUrl())
          .append(") with ")
          .append(origin);
    } else if (userSupplied) {
      remark.append("user-supplied in ").append(origin);
    }
    if (note != null) {
      if (remark.length() > 0) {
        remark.append("; ");
      }
      remark.append(note);
    }
    Provenance provenance =
        Provenance.builder(collectorId)
            .source(sourceUrl, sourceTitle)
            .observedAt(observedOn.atStartOfDay(ZoneOffset.UTC).toInstant())
            .retrievedAt(curatedOn.atStartOfDay(ZoneOffset.UTC).toInstant())
            .evidenceClass(evidenceClass)
            .staleAfter(
                staleAfter == null ? null : staleAfter.atStartOfDay(ZoneOffset.UTC).toInstant())
            .note(remark.toString())
            .build();
    return new Evidence(collectorId + ":" + id, exchangeId, fact, provenance);
  }
}
