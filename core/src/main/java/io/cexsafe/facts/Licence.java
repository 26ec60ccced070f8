package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A licence, authorisation or registration of one of the exchange's entities.
 *
 * @param jurisdiction ISO alpha-2 code, or {@code EU}
 * @param regulator e.g. {@code FCA}
 * @param register the register's name, e.g. {@code FCA Financial Services Register}
 * @param entityName the entity as the register (or claim) names it
 * @param identifier the register identifier, or null
 * @param status normalised status
 * @param activities activities or permissions covered; empty when unknown
 * @param authorisedSince start date, or null
 * @param registerUrl link to the register entry, or null
 * @param matchBasis how the entry was tied to the exchange
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("licence")
public record Licence(
    String jurisdiction,
    String regulator,
    String register,
    String entityName,
    String identifier,
    LicenceStatus status,
    List<String> activities,
    LocalDate authorisedSince,
    URI registerUrl,
    MatchBasis matchBasis)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param jurisdiction ISO alpha-2 code, or {@code EU}
   * @param regulator e.g. {@code FCA}
   * @param register the register's name, e.g. {@code FCA Financial Services Register}
   * @param entityName the entity as the register (or claim) names it
   * @param identifier the register identifier, or null
   * @param status normalised status
   * @param activities activities or permissions covered; empty when unknown
   * @param authorisedSince start date, or null
   * @param registerUrl link to the register entry, or null
   * @param matchBasis how the entry was tied to the exchange
   */
  public Licence {
    jurisdiction = Checks.country(jurisdiction, "jurisdiction");
    regulator = Checks.text(regulator, "regulator");
    register = Checks.optionalText(register);
    entityName = Checks.text(entityName, "entityName");
    identifier = Checks.optionalText(identifier);
    Checks.required(status, "status");
    activities = Checks.list(activities);
    Checks.required(matchBasis, "matchBasis");
    if (status == LicenceStatus.CLAIMED && matchBasis != MatchBasis.CLAIM) {
      throw new IllegalArgumentException("a claimed licence must have matchBasis CLAIM");
    }
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.REGULATION);
  }

  @Override
  public String summary() {
    return regulator
        + " ("
        + jurisdiction
        + ") "
        + entityName
        + (identifier == null ? "" : " " + identifier)
        + ": "
        + Checks.words(status)
        + (matchBasis == MatchBasis.NAME ? " (matched by name)" : "");
  }

  /**
   * Starts a licence with its required parts; the others default to unknown.
   *
   * @param jurisdiction ISO alpha-2 code, or {@code EU}
   * @param regulator e.g. {@code FCA}
   * @param entityName the entity as the register (or claim) names it
   * @param status normalised status
   * @param matchBasis how the entry was tied to the exchange
   * @return the builder
   */
  public static Builder builder(
      String jurisdiction,
      String regulator,
      String entityName,
      LicenceStatus status,
      MatchBasis matchBasis) {
    return new Builder(jurisdiction, regulator, entityName, status, matchBasis);
  }

  /** Builds a Licence by name instead of by position; the record's constructor validates. */
  public static final class Builder {
    private String jurisdiction;
    private String regulator;
    private String register;
    private String entityName;
    private String identifier;
    private LicenceStatus status;
    private List<String> activities;
    private LocalDate authorisedSince;
    private URI registerUrl;
    private MatchBasis matchBasis;

    private Builder(
        String jurisdiction,
        String regulator,
        String entityName,
        LicenceStatus status,
        MatchBasis matchBasis) {
      this.jurisdiction = jurisdiction;
      this.regulator = regulator;
      this.entityName = entityName;
      this.status = status;
      this.matchBasis = matchBasis;
    }

    /**
     * Sets the register's name.
     *
     * @param register e.g. {@code FCA Financial Services Register}
     * @return this builder
     */
    public Builder register(String register) {
      this.register = register;
      return this;
    }

    /**
     * Sets the register identifier.
     *
     * @param identifier the identifier, or null
     * @return this builder
     */
    public Builder identifier(String identifier) {
      this.identifier = identifier;
      return this;
    }

    /**
     * Sets the activities or permissions covered.
     *
     * @param activities the activities; empty when unknown
     * @return this builder
     */
    public Builder activities(List<String> activities) {
      this.activities = activities;
      return this;
    }

    /**
     * Sets when the authorisation started.
     *
     * @param authorisedSince the start date, or null
     * @return this builder
     */
    public Builder authorisedSince(LocalDate authorisedSince) {
      this.authorisedSince = authorisedSince;
      return this;
    }

    /**
     * Sets the link to the register entry.
     *
     * @param registerUrl the link, or null
     * @return this builder
     */
    public Builder registerUrl(URI registerUrl) {
      this.registerUrl = registerUrl;
      return this;
    }

    /**
     * Builds the licence.
     *
     * @return the licence
     * @throws IllegalArgumentException when a part is invalid
     */
    public Licence build() {
      return new Licence(
          jurisdiction,
          regulator,
          register,
          entityName,
          identifier,
          status,
          activities,
          authorisedSince,
          registerUrl,
          matchBasis);
    }
  }
}
