package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * An incident database was searched for the exchange. With no {@link Incident} beside it, this is
 * what lets a track record read "no incidents found" instead of "unknown": silence from a source
 * that was never asked proves nothing.
 *
 * @param database the database searched (e.g. "DeFiLlama hacks")
 * @param incidentsFound how many of its entries concern the exchange
 * @param scope what the database covers, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("incident-record-check")
public record IncidentRecordCheck(String database, int incidentsFound, String scope)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param database the database searched (e.g. "DeFiLlama hacks")
   * @param incidentsFound how many of its entries concern the exchange
   * @param scope what the database covers, or null
   */
  public IncidentRecordCheck {
    database = Checks.text(database, "database");
    if (incidentsFound < 0) {
      throw new IllegalArgumentException("incidentsFound must not be negative: " + incidentsFound);
    }
    scope = Checks.optionalText(scope);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.TRACK_RECORD);
  }

  @Override
  public String summary() {
    return "searched "
        + database
        + ": "
        + (incidentsFound == 0
            ? "no incidents found"
            : incidentsFound + (incidentsFound == 1 ? " incident" : " incidents") + " found");
  }
}
