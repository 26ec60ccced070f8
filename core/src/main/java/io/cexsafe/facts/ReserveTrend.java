package io.cexsafe.facts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.cexsafe.Pillar;
import java.util.Locale;
import java.util.Set;

/**
 * How reserves moved over a window, from their history.
 *
 * @param windowDays length of the window
 * @param change relative change from start to end (-0.1 is a 10 % fall)
 * @param maxDrawdown largest peak-to-trough fall within the window, in [0, 1]
 */
@JsonTypeName("reserve-trend")
public record ReserveTrend(int windowDays, double change, double maxDrawdown) implements Fact {
  /**
   * Validates the components.
   *
   * @param windowDays length of the window
   * @param change relative change from start to end (-0.1 is a 10 % fall)
   * @param maxDrawdown largest peak-to-trough fall within the window, in [0, 1]
   */
  public ReserveTrend {
    if (windowDays <= 0) {
      throw new IllegalArgumentException("windowDays must be positive: " + windowDays);
    }
    Checks.finite(change, "change");
    Checks.share(maxDrawdown, "maxDrawdown");
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY);
  }

  @Override
  public String summary() {
    return String.format(
        Locale.ROOT,
        "reserves %+.1f%% over %d days, max drawdown %.1f%%",
        change * 100,
        windowDays,
        maxDrawdown * 100);
  }
}
