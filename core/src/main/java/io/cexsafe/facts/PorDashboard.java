package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.net.URI;
import java.util.Set;

/**
 * A page or list where reserves can be checked (wallet addresses, a live dashboard).
 *
 * @param url where it is
 * @param liveOnChain it shows balances read from chain continuously
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("por-dashboard")
public record PorDashboard(URI url, boolean liveOnChain, String detail) implements Fact {
  /**
   * Validates the components.
   *
   * @param url where it is
   * @param liveOnChain it shows balances read from chain continuously
   * @param detail what the dashboard shows beyond balances, or null
   */
  public PorDashboard {
    Checks.required(url, "url");
    detail = Checks.optionalText(detail);
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.PROOF_OF_RESERVES);
  }

  @Override
  public String summary() {
    return (liveOnChain ? "live reserves dashboard " : "reserve wallets published at ") + url;
  }
}
