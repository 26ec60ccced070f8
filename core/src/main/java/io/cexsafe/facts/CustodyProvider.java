package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * A third party involved in holding assets.
 *
 * @param name provider name
 * @param role what it does
 * @param availableToCustomers customers can choose to hold assets with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("custody-provider")
public record CustodyProvider(
    String name, CustodyRole role, boolean availableToCustomers, String detail) implements Fact {
  /**
   * Validates the components.
   *
   * @param name provider name
   * @param role what it does
   * @param availableToCustomers customers can choose to hold assets with it
   * @param detail what the exchange says about it, or null
   */
  public CustodyProvider {
    name = Checks.text(name, "name");
    Checks.required(role, "role");
    detail = Checks.optionalText(detail);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY);
  }

  @Override
  public String summary() {
    return "custody provider " + name + " (" + Checks.words(role) + ")";
  }
}
