package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.util.Set;

/** A fund the exchange keeps itself to compensate users (e.g. Binance's SAFU). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("self-insurance-fund")
public record SelfInsuranceFund(String name, BigDecimal sizeUsd, String detail) implements Fact {
  /**
   * Validates the components.
   *
   * @param name the fund's name, e.g. SAFU
   * @param sizeUsd its size in USD, or null when undisclosed
   * @param detail what the exchange says about it, or null
   */
  public SelfInsuranceFund {
    name = Checks.text(name, "name");
    Checks.nonNegative(sizeUsd, "sizeUsd");
    detail = Checks.optionalText(detail);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.INSURANCE);
  }

  @Override
  public String summary() {
    return "self-insurance fund " + name + (sizeUsd == null ? "" : " of " + Checks.usd(sizeUsd));
  }
}
