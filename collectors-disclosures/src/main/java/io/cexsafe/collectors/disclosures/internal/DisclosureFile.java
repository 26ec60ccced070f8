package io.cexsafe.collectors.disclosures.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One parsed and validated disclosure file.
 *
 * @param exchangeId the exchange it describes
 * @param curatedOn when it was curated
 * @param origin the file or resource name, for messages
 * @param facts its facts, in file order, without duplicated ids
 * @param findings duplicate ids found in the file (the later entries were left out)
 */
public record DisclosureFile(
    String exchangeId,
    LocalDate curatedOn,
    String origin,
    List<CuratedFact> facts,
    List<Finding> findings) {
  public DisclosureFile {
    Objects.requireNonNull(exchangeId, "exchangeId");
    Objects.requireNonNull(curatedOn, "curatedOn");
    Objects.requireNonNull(origin, "origin");
    facts = List.copyOf(facts);
    findings = List.copyOf(findings);
  }
}
