package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.net.URI;
import java.time.LocalDate;
import java.util.Set;

/** A regulator's warning, non-compliance listing or enforcement action against an entity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("regulatory-warning")
public record RegulatoryWarning(
    String jurisdiction,
    String regulator,
    String entityName,
    String reason,
    LocalDate date,
    URI url,
    boolean resolved)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param jurisdiction the regulator's ISO alpha-2 country code, or {@code EU}
   * @param regulator the regulator, e.g. {@code FCA}
   * @param entityName the entity the warning names
   * @param reason what the warning says, in a few words
   * @param date when it was issued, or null
   * @param url the warning's page, or null
   * @param resolved whether the matter has since been settled
   */
  public RegulatoryWarning {
    jurisdiction = Checks.country(jurisdiction, "jurisdiction");
    regulator = Checks.text(regulator, "regulator");
    entityName = Checks.text(entityName, "entityName");
    reason = Checks.text(reason, "reason");
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.REGULATION);
  }

  @Override
  public String summary() {
    return regulator
        + " warning on "
        + entityName
        + ": "
        + reason
        + (resolved ? " (resolved)" : "");
  }
}
