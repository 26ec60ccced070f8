package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
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
@JsonTypeName("incident")
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
  /**
   * Validates the components.
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
   * @param summaryText a one-line account of what happened, or null
   */
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

  /**
   * Starts an incident with its required parts; the others default to unknown.
   *
   * @param date when it happened
   * @param kind what kind of incident
   * @return the builder
   */
  public static Builder builder(LocalDate date, IncidentKind kind) {
    return new Builder(date, kind);
  }

  /** Builds a Incident by name instead of by position; the record's constructor validates. */
  public static final class Builder {
    private LocalDate date;
    private IncidentKind kind;
    private BigDecimal lossUsd;
    private String technique;
    private BigDecimal returnedUsd;
    private Reimbursement reimbursement;
    private Integer hoursToDisclosure;
    private Boolean postMortemPublished;
    private List<String> hardeningMeasures;
    private Integer accountsAffected;
    private String summaryText;

    private Builder(LocalDate date, IncidentKind kind) {
      this.date = date;
      this.kind = kind;
    }

    /**
     * Sets the amount lost.
     *
     * @param lossUsd the amount in USD, or null when unknown
     * @return this builder
     */
    public Builder lossUsd(BigDecimal lossUsd) {
      this.lossUsd = lossUsd;
      return this;
    }

    /**
     * Sets how it happened.
     *
     * @param technique e.g. "2FA bypass", or null
     * @return this builder
     */
    public Builder technique(String technique) {
      this.technique = technique;
      return this;
    }

    /**
     * Sets the amount recovered or returned.
     *
     * @param returnedUsd the amount in USD, or null when unknown
     * @return this builder
     */
    public Builder returnedUsd(BigDecimal returnedUsd) {
      this.returnedUsd = returnedUsd;
      return this;
    }

    /**
     * Sets whether users were made whole.
     *
     * @param reimbursement full, partial, none or unknown
     * @return this builder
     */
    public Builder reimbursement(Reimbursement reimbursement) {
      this.reimbursement = reimbursement;
      return this;
    }

    /**
     * Sets how long the exchange took to disclose it.
     *
     * @param hoursToDisclosure hours from the incident to public disclosure, or null when unknown
     * @return this builder
     */
    public Builder hoursToDisclosure(Integer hoursToDisclosure) {
      this.hoursToDisclosure = hoursToDisclosure;
      return this;
    }

    /**
     * Sets whether a post-mortem was published.
     *
     * @param postMortemPublished true or false, or null when unknown
     * @return this builder
     */
    public Builder postMortemPublished(Boolean postMortemPublished) {
      this.postMortemPublished = postMortemPublished;
      return this;
    }

    /**
     * Sets the measures taken afterwards.
     *
     * @param hardeningMeasures the named measures
     * @return this builder
     */
    public Builder hardeningMeasures(List<String> hardeningMeasures) {
      this.hardeningMeasures = hardeningMeasures;
      return this;
    }

    /**
     * Sets the number of user accounts affected.
     *
     * @param accountsAffected the number, or null when unknown
     * @return this builder
     */
    public Builder accountsAffected(Integer accountsAffected) {
      this.accountsAffected = accountsAffected;
      return this;
    }

    /**
     * Sets a one-line account of what happened.
     *
     * @param summaryText the account, or null
     * @return this builder
     */
    public Builder summaryText(String summaryText) {
      this.summaryText = summaryText;
      return this;
    }

    /**
     * Builds the incident.
     *
     * @return the incident
     * @throws IllegalArgumentException when a part is invalid
     */
    public Incident build() {
      return new Incident(
          date,
          kind,
          lossUsd,
          technique,
          returnedUsd,
          reimbursement,
          hoursToDisclosure,
          postMortemPublished,
          hardeningMeasures,
          accountsAffected,
          summaryText);
    }
  }
}
