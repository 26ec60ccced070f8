package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Assets the exchange holds in wallets attributed to it, valued in USD.
 *
 * @param totalUsd all tracked assets
 * @param cleanAssetsUsd assets excluding the exchange's own tokens, or null when unknown
 * @param ownTokenUsd value held in the exchange's own tokens, or null when unknown
 * @param trackedOnChain true when the figure comes from on-chain tracking of known wallets
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("reserve-snapshot")
public record ReserveSnapshot(
    BigDecimal totalUsd, BigDecimal cleanAssetsUsd, BigDecimal ownTokenUsd, boolean trackedOnChain)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param totalUsd all tracked assets
   * @param cleanAssetsUsd assets excluding the exchange's own tokens, or null when unknown
   * @param ownTokenUsd value held in the exchange's own tokens, or null when unknown
   * @param trackedOnChain true when the figure comes from on-chain tracking of known wallets
   */
  public ReserveSnapshot {
    Checks.nonNegative(Checks.required(totalUsd, "totalUsd"), "totalUsd");
    Checks.nonNegative(cleanAssetsUsd, "cleanAssetsUsd");
    Checks.nonNegative(ownTokenUsd, "ownTokenUsd");
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY);
  }

  @Override
  public String summary() {
    return "reserves "
        + Checks.usd(totalUsd)
        + (cleanAssetsUsd == null ? "" : ", clean assets " + Checks.usd(cleanAssetsUsd))
        + (trackedOnChain ? " (tracked on-chain)" : "");
  }
}
