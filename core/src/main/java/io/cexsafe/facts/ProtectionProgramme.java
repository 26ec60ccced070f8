package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A retail account-protection programme that may reimburse users for unauthorised losses.
 *
 * @param name the programme's name
 * @param capPerUserUsd maximum relief per user in USD, or null when uncapped or unknown
 * @param prerequisites conditions a user must meet, in the programme's words
 * @param countries ISO alpha-2 codes where it applies; empty when not restricted or unknown
 * @param discretionary relief remains at the exchange's discretion
 * @param termsUrl where the terms are published, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("protection-programme")
public record ProtectionProgramme(
    String name,
    BigDecimal capPerUserUsd,
    List<String> prerequisites,
    List<String> countries,
    boolean discretionary,
    URI termsUrl)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param name the programme's name
   * @param capPerUserUsd maximum relief per user in USD, or null when uncapped or unknown
   * @param prerequisites conditions a user must meet, in the programme's words
   * @param countries ISO alpha-2 codes where it applies; empty when not restricted or unknown
   * @param discretionary relief remains at the exchange's discretion
   * @param termsUrl where the terms are published, or null
   */
  public ProtectionProgramme {
    name = Checks.text(name, "name");
    Checks.nonNegative(capPerUserUsd, "capPerUserUsd");
    prerequisites = Checks.list(prerequisites);
    countries =
        countries == null
            ? List.of()
            : countries.stream().map(c -> Checks.country(c, "countries[]")).sorted().toList();
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.INSURANCE);
  }

  @Override
  public String summary() {
    return name
        + ": up to "
        + (capPerUserUsd == null ? "an unstated amount" : Checks.usd(capPerUserUsd))
        + " per user"
        + (countries.isEmpty() ? "" : " in " + countries.size() + " countries")
        + (prerequisites.isEmpty() ? "" : ", " + prerequisites.size() + " prerequisites")
        + (discretionary ? ", at the exchange's discretion" : "");
  }
}
