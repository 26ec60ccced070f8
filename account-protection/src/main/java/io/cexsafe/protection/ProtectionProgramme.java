package io.cexsafe.protection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An exchange's account-protection programme described as data: who it is for (KYC, countries),
 * which events it covers and excludes, the minimum conditions a claimant must meet, how recovery is
 * calculated and capped, and where the description comes from. Load one with {@link
 * ProtectionProgrammes}.
 *
 * @param id stable id, e.g. {@code crypto-com-app}
 * @param version version of this description (not of the exchange's policy)
 * @param exchangeId the exchange's id in the cexsafe catalogue, e.g. {@code crypto-com}
 * @param name the programme's name as the exchange gives it
 * @param source the document the description was transcribed from
 * @param issuers the legal entities that issue the policy
 * @param termsPrevail the policy's own statement of which text prevails (its terms and conditions)
 * @param discretionary whether relief is at the exchange's discretion even when all conditions are
 *     met
 * @param discretionNote the policy's words on that discretion
 * @param kycRequired whether the programme is only for users who completed KYC
 * @param countries countries where the programme is available; empty means not limited by country
 * @param capUsd the most the programme pays one user, in USD, valued on the payment date
 * @param coveredEvents the events the programme covers
 * @param exclusions the events it does not cover
 * @param minimumConditions the conditions a claimant must meet at a minimum, in the policy's order
 * @param recoveryRules how recovery is calculated, per kind of asset
 * @param reliefTerms what accepting relief entails (set-off, waiver, rescission, amendment)
 * @param howToClaim how a claim is started
 */
public record ProtectionProgramme(
    String id,
    String version,
    String exchangeId,
    String name,
    Source source,
    List<String> issuers,
    String termsPrevail,
    boolean discretionary,
    String discretionNote,
    boolean kycRequired,
    List<Country> countries,
    BigDecimal capUsd,
    List<CoveredEvent> coveredEvents,
    List<Exclusion> exclusions,
    List<MinimumCondition> minimumConditions,
    List<RecoveryRule> recoveryRules,
    List<String> reliefTerms,
    String howToClaim) {

  /**
   * Validates the components, copying its lists.
   *
   * @param id stable id, e.g. {@code crypto-com-app}
   * @param version version of this description (not of the exchange's policy)
   * @param exchangeId the exchange's id in the cexsafe catalogue, e.g. {@code crypto-com}
   * @param name the programme's name as the exchange gives it
   * @param source the document the description was transcribed from
   * @param issuers the legal entities that issue the policy
   * @param termsPrevail the policy's own statement of which text prevails (its terms and
   *     conditions)
   * @param discretionary whether relief is at the exchange's discretion even when all conditions
   *     are met
   * @param discretionNote the policy's words on that discretion
   * @param kycRequired whether the programme is only for users who completed KYC
   * @param countries countries where the programme is available; empty means not limited by country
   * @param capUsd the most the programme pays one user, in USD, valued on the payment date
   * @param coveredEvents the events the programme covers
   * @param exclusions the events it does not cover
   * @param minimumConditions the conditions a claimant must meet at a minimum, in the policy's
   *     order
   * @param recoveryRules how recovery is calculated, per kind of asset
   * @param reliefTerms what accepting relief entails (set-off, waiver, rescission, amendment)
   * @param howToClaim how a claim is started
   */
  public ProtectionProgramme {
    id = requireText(id, "id");
    version = requireText(version, "version");
    exchangeId = requireText(exchangeId, "exchangeId");
    name = requireText(name, "name");
    Objects.requireNonNull(source, "source");
    issuers = List.copyOf(issuers);
    termsPrevail = requireText(termsPrevail, "termsPrevail");
    discretionNote = discretionary ? requireText(discretionNote, "discretionNote") : discretionNote;
    countries = List.copyOf(countries);
    Objects.requireNonNull(capUsd, "capUsd");
    if (capUsd.signum() <= 0) {
      throw new IllegalArgumentException("capUsd must be positive, was " + capUsd.toPlainString());
    }
    coveredEvents = List.copyOf(coveredEvents);
    exclusions = List.copyOf(exclusions);
    minimumConditions = List.copyOf(minimumConditions);
    recoveryRules = List.copyOf(recoveryRules);
    reliefTerms = List.copyOf(reliefTerms);
    howToClaim = requireText(howToClaim, "howToClaim");
    if (coveredEvents.isEmpty()) {
      throw new IllegalArgumentException("a programme must cover at least one event");
    }
    requireUnique(coveredEvents.stream().map(CoveredEvent::id).toList(), "covered event id");
    requireUnique(exclusions.stream().map(Exclusion::id).toList(), "exclusion id");
    requireUnique(minimumConditions.stream().map(MinimumCondition::id).toList(), "condition id");
    requireUnique(
        minimumConditions.stream().map(c -> String.valueOf(c.number())).toList(),
        "condition number");
    requireUnique(countries.stream().map(Country::code).toList(), "country code");
    requireUnique(
        recoveryRules.stream().map(r -> r.assetKind().name()).toList(), "recovery rule asset kind");
    Set<IncidentCause> coveredCauses = EnumSet.noneOf(IncidentCause.class);
    Set<TransactionType> coveredTypes = EnumSet.noneOf(TransactionType.class);
    for (CoveredEvent event : coveredEvents) {
      coveredCauses.addAll(event.causes());
      coveredTypes.addAll(event.transactionTypes());
    }
    for (Exclusion exclusion : exclusions) {
      for (IncidentCause cause : exclusion.causes()) {
        if (coveredCauses.contains(cause)) {
          throw new IllegalArgumentException(
              "cause "
                  + cause
                  + " is both covered and excluded (exclusion "
                  + exclusion.id()
                  + ")");
        }
      }
      for (TransactionType type : exclusion.transactionTypes()) {
        if (coveredTypes.contains(type)) {
          throw new IllegalArgumentException(
              "transaction type "
                  + type
                  + " is both covered and excluded (exclusion "
                  + exclusion.id()
                  + ")");
        }
      }
    }
    for (TransactionType type : coveredTypes) {
      if (!type.leavesAccount()) {
        throw new IllegalArgumentException(
            "transaction type " + type + " moves nothing out of the account and cannot be covered");
      }
      if (recoveryRules.stream().noneMatch(r -> r.assetKind() == type.assetKind())) {
        throw new IllegalArgumentException(
            "covered transaction type " + type + " has no recovery rule for " + type.assetKind());
      }
    }
  }

  /**
   * The covered event that matches this cause and transaction type, if any.
   *
   * @param cause what led to the loss
   * @param type the kind of transaction
   * @return the covered event, or empty
   */
  public Optional<CoveredEvent> coveredEventFor(IncidentCause cause, TransactionType type) {
    return coveredEvents.stream()
        .filter(e -> e.causes().contains(cause) && e.transactionTypes().contains(type))
        .findFirst();
  }

  /**
   * The exclusion that names this cause, if any.
   *
   * @param cause what led to the loss
   * @return the exclusion, or empty
   */
  public Optional<Exclusion> exclusionFor(IncidentCause cause) {
    return exclusions.stream().filter(e -> e.causes().contains(cause)).findFirst();
  }

  /**
   * The exclusion that names this transaction type, if any.
   *
   * @param type the kind of transaction
   * @return the exclusion, or empty
   */
  public Optional<Exclusion> exclusionFor(TransactionType type) {
    return exclusions.stream().filter(e -> e.transactionTypes().contains(type)).findFirst();
  }

  /**
   * Tells whether the programme is offered in a country.
   *
   * @param countryCode an ISO 3166-1 alpha-2 code
   * @return true when it is offered there
   */
  public boolean availableIn(String countryCode) {
    return countries.isEmpty()
        || countries.stream().anyMatch(c -> c.code().equals(countryCode.toUpperCase(Locale.ROOT)));
  }

  /**
   * How recovery is calculated for one kind of asset.
   *
   * @param kind digital assets or fiat
   * @return the rule, or empty when the policy says nothing about it
   */
  public Optional<RecoveryRule> recoveryRuleFor(AssetKind kind) {
    return recoveryRules.stream().filter(r -> r.assetKind() == kind).findFirst();
  }

  /**
   * Where a description comes from.
   *
   * @param title the document's title
   * @param url where it is published
   * @param publishedOn the effective or publication date the document states, or null when it
   *     states none
   * @param statedDateText the document's own wording about its date, e.g. "Updated over a week ago"
   * @param transcribedOn when this description was transcribed from the document
   */
  public record Source(
      String title,
      String url,
      LocalDate publishedOn,
      String statedDateText,
      LocalDate transcribedOn) {
    /**
     * Validates the components.
     *
     * @param title the document's title
     * @param url where it is published
     * @param publishedOn the effective or publication date the document states, or null when it
     *     states none
     * @param statedDateText the document's own wording about its date, e.g. "Updated over a week
     *     ago"
     * @param transcribedOn when this description was transcribed from the document
     */
    public Source {
      title = requireText(title, "source.title");
      url = requireText(url, "source.url");
      Objects.requireNonNull(transcribedOn, "source.transcribedOn");
      if (publishedOn != null && publishedOn.isAfter(transcribedOn)) {
        throw new IllegalArgumentException(
            "source.publishedOn "
                + publishedOn
                + " is after source.transcribedOn "
                + transcribedOn);
      }
    }

    /**
     * {@return the date the description speaks for: the stated publication date, or the
     * transcription date when the document states none}
     */
    public LocalDate asOf() {
      return publishedOn != null ? publishedOn : transcribedOn;
    }
  }

  /** A country where the programme is offered; {@code note} carries the policy's remark, if any. */
  public record Country(String code, String name, String note) {
    /**
     * Validates the country and upper-cases its code.
     *
     * @param code the ISO 3166-1 alpha-2 code
     * @param name the country's name
     * @param note the policy's remark, or null
     */
    public Country {
      code = requireText(code, "country.code").toUpperCase(Locale.ROOT);
      if (!Set.of(Locale.getISOCountries()).contains(code)) {
        throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + code);
      }
      name = requireText(name, "country.name");
    }
  }

  /**
   * An event the programme covers: the causes and transaction types that make it up.
   *
   * @param id stable id
   * @param title the policy's heading
   * @param description the policy's description
   * @param causes causes that fall under this event
   * @param transactionTypes transaction types that fall under this event
   */
  public record CoveredEvent(
      String id,
      String title,
      String description,
      Set<IncidentCause> causes,
      Set<TransactionType> transactionTypes) {
    /**
     * Validates the components, copying lists and turning null ones empty.
     *
     * @param id stable id
     * @param title the policy's heading
     * @param description the policy's description
     * @param causes causes that fall under this event
     * @param transactionTypes transaction types that fall under this event
     */
    public CoveredEvent {
      id = requireText(id, "coveredEvent.id");
      title = requireText(title, "coveredEvent.title");
      description = requireText(description, "coveredEvent.description");
      causes = Set.copyOf(causes);
      transactionTypes = Set.copyOf(transactionTypes);
      if (causes.isEmpty() || transactionTypes.isEmpty()) {
        throw new IllegalArgumentException(
            "covered event " + id + " needs at least one cause and one transaction type");
      }
    }
  }

  /**
   * An event the programme does not cover, matched by cause or by transaction type.
   *
   * @param id stable id
   * @param title the policy's wording
   * @param examples the policy's examples
   * @param causes causes that fall under this exclusion
   * @param transactionTypes transaction types that fall under this exclusion
   */
  public record Exclusion(
      String id,
      String title,
      List<String> examples,
      Set<IncidentCause> causes,
      Set<TransactionType> transactionTypes) {
    /**
     * Validates the components, copying lists and turning null ones empty.
     *
     * @param id stable id
     * @param title the policy's wording
     * @param examples the policy's examples
     * @param causes causes that fall under this exclusion
     * @param transactionTypes transaction types that fall under this exclusion
     */
    public Exclusion {
      id = requireText(id, "exclusion.id");
      title = requireText(title, "exclusion.title");
      examples = List.copyOf(examples);
      causes = Set.copyOf(causes);
      transactionTypes = Set.copyOf(transactionTypes);
      if (causes.isEmpty() && transactionTypes.isEmpty()) {
        throw new IllegalArgumentException(
            "exclusion " + id + " needs at least one cause or transaction type");
      }
    }
  }

  /**
   * One minimum condition.
   *
   * @param number its number in the policy
   * @param id stable id
   * @param text the policy's wording
   * @param check what the evaluator checks
   * @param days for checks that need it: days before each transaction
   * @param workingDays for checks that need it: working days after each transaction
   */
  public record MinimumCondition(
      int number, String id, String text, ConditionCheck check, Integer days, Integer workingDays) {
    /**
     * Validates the components.
     *
     * @param number its number in the policy
     * @param id stable id
     * @param text the policy's wording
     * @param check what the evaluator checks
     * @param days for checks that need it: days before each transaction
     * @param workingDays for checks that need it: working days after each transaction
     */
    public MinimumCondition {
      if (number <= 0) {
        throw new IllegalArgumentException("condition number must be positive, was " + number);
      }
      id = requireText(id, "condition.id");
      text = requireText(text, "condition.text");
      Objects.requireNonNull(check, "condition.check");
      requireParameter(check.needsDays(), days, "days", id);
      requireParameter(check.needsWorkingDays(), workingDays, "workingDays", id);
    }

    private static void requireParameter(boolean needed, Integer value, String name, String id) {
      if (needed && (value == null || value <= 0)) {
        throw new IllegalArgumentException("condition " + id + " needs a positive " + name);
      }
      if (!needed && value != null) {
        throw new IllegalArgumentException("condition " + id + " does not take " + name);
      }
    }
  }

  /**
   * How recovery is calculated for one kind of asset: the policy's words on method and limit.
   *
   * @param assetKind digital assets or fiat
   * @param method what the exchange gives back
   * @param limit how the limit is applied
   */
  public record RecoveryRule(AssetKind assetKind, String method, String limit) {
    /**
     * Validates the components.
     *
     * @param assetKind digital assets or fiat
     * @param method what the exchange gives back
     * @param limit how the limit is applied
     */
    public RecoveryRule {
      Objects.requireNonNull(assetKind, "recoveryRule.assetKind");
      method = requireText(method, "recoveryRule.method");
      limit = requireText(limit, "recoveryRule.limit");
    }
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }

  private static void requireUnique(List<String> values, String what) {
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      if (!seen.add(value)) {
        throw new IllegalArgumentException("duplicate " + what + ": " + value);
      }
    }
  }
}
