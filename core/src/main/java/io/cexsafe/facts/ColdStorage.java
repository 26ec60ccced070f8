package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Set;

/**
 * What the exchange says about keeping assets offline.
 *
 * @param coldShare disclosed share of customer assets in cold storage, or null when undisclosed
 * @param claim the claim in the source's words (e.g. "the majority of assets in cold storage")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("cold-storage")
public record ColdStorage(Double coldShare, String claim) implements Fact {
  /**
   * Validates the components.
   *
   * @param coldShare disclosed share of customer assets in cold storage, or null when undisclosed
   * @param claim the claim in the source's words (e.g. "the majority of assets in cold storage")
   */
  public ColdStorage {
    Checks.share(coldShare, "coldShare");
    claim = Checks.text(claim, "claim");
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY);
  }

  @Override
  public String summary() {
    return "cold storage "
        + (coldShare == null ? "share undisclosed" : Checks.percent(coldShare))
        + ": "
        + claim;
  }
}
