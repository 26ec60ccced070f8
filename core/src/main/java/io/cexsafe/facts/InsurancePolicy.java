package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * An insurance policy over assets the exchange holds.
 *
 * @param coverUsd limit of cover in USD, or null when undisclosed
 * @param underwriter lead underwriter or syndicate, or null when unnamed
 * @param broker placing broker, or null
 * @param scope what is covered
 * @param insuredEntity which entity holds the policy, or null
 * @param termsPublished the policy terms and exclusions are published; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("insurance-policy")
public record InsurancePolicy(
    BigDecimal coverUsd,
    String underwriter,
    String broker,
    Set<InsuranceScope> scope,
    String insuredEntity,
    Boolean termsPublished,
    String detail)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param coverUsd limit of cover in USD, or null when undisclosed
   * @param underwriter lead underwriter or syndicate, or null when unnamed
   * @param broker placing broker, or null
   * @param scope what is covered
   * @param insuredEntity which entity holds the policy, or null
   * @param termsPublished the policy terms and exclusions are published; null when unknown
   * @param detail what the exchange says about it, or null
   */
  public InsurancePolicy {
    Checks.nonNegative(coverUsd, "coverUsd");
    underwriter = Checks.optionalText(underwriter);
    broker = Checks.optionalText(broker);
    scope = Checks.enums(scope, InsuranceScope.class);
    insuredEntity = Checks.optionalText(insuredEntity);
    detail = Checks.optionalText(detail);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.INSURANCE);
  }

  @Override
  public String summary() {
    return "insurance "
        + (coverUsd == null ? "of undisclosed size" : Checks.usd(coverUsd))
        + (underwriter == null ? "" : " led by " + underwriter)
        + (broker == null ? "" : " via " + broker)
        + (scope.isEmpty() ? "" : " covering " + new TreeSet<>(scope));
  }
}
