package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.List;
import java.util.Set;

/**
 * What reserves are made of. Shares are fractions of total reserves in [0, 1]; null when unknown.
 *
 * @param ownTokenShare share held in the exchange's own tokens
 * @param stablecoinShare share held in stablecoins
 * @param majorAssetShare share in BTC, ETH and stablecoins together
 * @param longTailShare share in everything else
 * @param tokenHhi Herfindahl-Hirschman index of token concentration, in [0, 1]
 * @param chainHhi Herfindahl-Hirschman index of chain concentration, in [0, 1]
 * @param topHoldings the largest holdings, largest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("reserve-composition")
public record ReserveComposition(
    Double ownTokenShare,
    Double stablecoinShare,
    Double majorAssetShare,
    Double longTailShare,
    Double tokenHhi,
    Double chainHhi,
    List<TokenHolding> topHoldings)
    implements Fact {
  /**
   * Validates the components.
   *
   * @param ownTokenShare share held in the exchange's own tokens
   * @param stablecoinShare share held in stablecoins
   * @param majorAssetShare share in BTC, ETH and stablecoins together
   * @param longTailShare share in everything else
   * @param tokenHhi Herfindahl-Hirschman index of token concentration, in [0, 1]
   * @param chainHhi Herfindahl-Hirschman index of chain concentration, in [0, 1]
   * @param topHoldings the largest holdings, largest first
   */
  public ReserveComposition {
    Checks.share(ownTokenShare, "ownTokenShare");
    Checks.share(stablecoinShare, "stablecoinShare");
    Checks.share(majorAssetShare, "majorAssetShare");
    Checks.share(longTailShare, "longTailShare");
    Checks.share(tokenHhi, "tokenHhi");
    Checks.share(chainHhi, "chainHhi");
    topHoldings = Checks.list(topHoldings);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY);
  }

  @Override
  public String summary() {
    return "own token "
        + Checks.percent(ownTokenShare)
        + ", stablecoins "
        + Checks.percent(stablecoinShare)
        + ", BTC/ETH/stablecoins "
        + Checks.percent(majorAssetShare)
        + ", long tail "
        + Checks.percent(longTailShare);
  }
}
