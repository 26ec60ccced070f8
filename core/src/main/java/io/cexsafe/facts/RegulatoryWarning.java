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
  /** Validates the components. */
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
