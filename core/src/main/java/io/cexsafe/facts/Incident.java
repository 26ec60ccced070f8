package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Something that went wrong.
 *
 * @param date when it happened
 * @param kind what kind of incident
 * @param lossUsd amount lost in USD, or null when unknown
 * @param technique how it happened (e.g. "2FA bypass"), or null
 * @param returnedUsd amount recovered or returned, or null when unknown
 * @param reimbursement whether users were made whole
 * @param hoursToDisclosure hours from the incident to public disclosure, or null when unknown
 * @param postMortemPublished a post-mortem was published; null when unknown
 * @param hardeningMeasures named measures taken afterwards
 * @param accountsAffected number of user accounts affected, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(
    LocalDate date,
    IncidentKind kind,
    BigDecimal lossUsd,
    String technique,
    BigDecimal returnedUsd,
    Reimbursement reimbursement,
    Integer hoursToDisclosure,
    Boolean postMortemPublished,
    List<String> hardeningMeasures,
    Integer accountsAffected,
    String summaryText)
    implements Fact {
  public Incident {
    Checks.required(date, "date");
    Checks.required(kind, "kind");
    Checks.nonNegative(lossUsd, "lossUsd");
    technique = Checks.optionalText(technique);
    Checks.nonNegative(returnedUsd, "returnedUsd");
    reimbursement = reimbursement == null ? Reimbursement.UNKNOWN : reimbursement;
    Checks.nonNegative(hoursToDisclosure, "hoursToDisclosure");
    hardeningMeasures = Checks.list(hardeningMeasures);
    Checks.nonNegative(accountsAffected, "accountsAffected");
    summaryText = Checks.optionalText(summaryText);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.TRACK_RECORD);
  }

  @Override
  public String summary() {
    return Checks.words(kind)
        + " on "
        + date
        + (lossUsd == null ? "" : ", loss " + Checks.usd(lossUsd))
        + (technique == null ? "" : " (" + technique + ")")
        + ", reimbursement "
        + Checks.words(reimbursement);
  }
}
