package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.time.LocalDate;
import java.util.Set;

/** A certification held by the exchange or one of its entities. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("certification")
public record Certification(
    CertificationStandard standard,
    String level,
    String scope,
    LocalDate issuedOn,
    LocalDate validUntil,
    String certifier)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param standard the standard certified against
   * @param level the level or type within the standard, or null
   * @param scope what the certificate covers, or null
   * @param issuedOn when it was issued, or null
   * @param validUntil when it expires, or null; not before {@code issuedOn}
   * @param certifier who certified, or null
   */
  public Certification {
    Checks.required(standard, "standard");
    level = Checks.optionalText(level);
    scope = Checks.optionalText(scope);
    certifier = Checks.optionalText(certifier);
    if (issuedOn != null && validUntil != null && validUntil.isBefore(issuedOn)) {
      throw new IllegalArgumentException("validUntil is before issuedOn");
    }
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.APP_SECURITY);
  }

  @Override
  public String summary() {
    return standard.name().replace('_', ' ')
        + (level == null ? "" : " " + level)
        + (scope == null ? "" : " (" + scope + ")");
  }
}
