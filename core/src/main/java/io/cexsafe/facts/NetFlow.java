package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Net flow of assets into (positive) or out of (negative) the exchange over a window: a bank-run
 * signal when strongly negative relative to reserves.
 *
 * @param windowHours the window's length (24, 168, 720)
 * @param netUsd signed net flow in USD
 * @param shareOfReserves net flow divided by reserves at the start, or null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("net-flow")
public record NetFlow(int windowHours, BigDecimal netUsd, Double shareOfReserves) implements Fact {
  /**
   * Validates the components.
   *
   * @param windowHours the window's length (24, 168, 720)
   * @param netUsd signed net flow in USD
   * @param shareOfReserves net flow divided by reserves at the start, or null when unknown
   */
  public NetFlow {
    if (windowHours <= 0) {
      throw new IllegalArgumentException("windowHours must be positive: " + windowHours);
    }
    Checks.required(netUsd, "netUsd");
    Checks.finite(shareOfReserves, "shareOfReserves");
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY);
  }

  @Override
  public String summary() {
    String window = windowHours % 24 == 0 ? windowHours / 24 + "d" : windowHours + "h";
    return "net flow "
        + window
        + " "
        + Checks.usd(netUsd)
        + (shareOfReserves == null ? "" : " (" + Checks.percent(shareOfReserves) + " of reserves)");
  }
}
