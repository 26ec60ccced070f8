package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Set;

/** A public bug-bounty programme. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("bug-bounty")
public record BugBounty(String platform, BigDecimal maxRewardUsd, URI url) implements Fact {
  /**
   * Validates the components.
   *
   * @param platform where the programme runs, e.g. HackerOne, or the exchange's own site
   * @param maxRewardUsd the largest reward offered in USD, or null when undisclosed
   * @param url the programme's page, or null
   */
  public BugBounty {
    platform = Checks.text(platform, "platform");
    Checks.nonNegative(maxRewardUsd, "maxRewardUsd");
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.APP_SECURITY);
  }

  @Override
  public String summary() {
    return "public bug bounty on "
        + platform
        + (maxRewardUsd == null ? "" : ", up to " + Checks.usd(maxRewardUsd));
  }
}
