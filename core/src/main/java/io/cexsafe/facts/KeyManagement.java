package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;
import java.util.TreeSet;

/** How wallet keys are held. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("key-management")
public record KeyManagement(Set<KeyProtection> protections, String detail) implements Fact {
  /**
   * Validates the components.
   *
   * @param protections how keys are protected; at least one
   * @param detail what the exchange says about it, or null
   */
  public KeyManagement {
    protections = Checks.enums(protections, KeyProtection.class);
    if (protections.isEmpty()) {
      throw new IllegalArgumentException("protections must name at least one method");
    }
    detail = Checks.optionalText(detail);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY);
  }

  @Override
  public String summary() {
    return "key management: "
        + new TreeSet<>(protections)
        + (detail == null ? "" : " (" + detail + ")");
  }
}
