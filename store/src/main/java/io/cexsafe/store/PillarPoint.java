package io.cexsafe.store;

import io.cexsafe.Pillar;
import java.util.Objects;

/**
 * One pillar's score in one stored scorecard, as history shows it.
 *
 * @param pillar the pillar
 * @param estimate points out of 100, or null when nothing was known (scorecards of methodology 1.0)
 * @param low the pillar's low end
 * @param high the pillar's high end
 * @param coverage share of the pillar's rule maxima that were known or checked absent, in [0, 1]
 */
public record PillarPoint(
    Pillar pillar, Double estimate, double low, double high, double coverage) {
  /**
   * Validates the point.
   *
   * @param pillar the pillar
   * @param estimate points out of 100, or null when nothing was known (scorecards of methodology
   *     1.0)
   * @param low the pillar's low end
   * @param high the pillar's high end
   * @param coverage share of the pillar's rule maxima that were known or checked absent, in [0, 1]
   * @throws IllegalArgumentException when {@code low > high} or the coverage is outside [0, 1]
   */
  public PillarPoint {
    Objects.requireNonNull(pillar, "pillar");
    if (!(low <= high)) {
      throw new IllegalArgumentException("need low <= high: " + low + ", " + high);
    }
    if (!(coverage >= 0 && coverage <= 1)) {
      throw new IllegalArgumentException("coverage must be within [0, 1]: " + coverage);
    }
  }
}
