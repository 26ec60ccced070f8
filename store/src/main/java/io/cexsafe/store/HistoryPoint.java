package io.cexsafe.store;

import io.cexsafe.Pillar;
import io.cexsafe.scoring.Grade;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One exchange's scorecard summary in one stored run: a point on its history.
 *
 * @param runId the run
 * @param asOf the scorecard's evaluation instant (millisecond precision)
 * @param estimate overall point estimate out of 100, or null when nothing was known
 * @param low overall low end
 * @param high overall high end
 * @param confidence weighted coverage in [0, 1]
 * @param grade the letter grade, or null when not rated
 * @param gradeLabel the grade with its qualifiers, as {@link
 *     io.cexsafe.scoring.Scorecard#gradeLabel()}
 * @param pillars one point per pillar, in pillar order
 */
public record HistoryPoint(
    String runId,
    Instant asOf,
    Double estimate,
    double low,
    double high,
    double confidence,
    Grade grade,
    String gradeLabel,
    List<PillarPoint> pillars) {
  /**
   * Validates the point and copies its pillars; a null {@code pillars} means none.
   *
   * @param runId the run
   * @param asOf the scorecard's evaluation instant (millisecond precision)
   * @param estimate overall point estimate out of 100, or null when nothing was known
   * @param low overall low end
   * @param high overall high end
   * @param confidence weighted coverage in [0, 1]
   * @param grade the letter grade, or null when not rated
   * @param gradeLabel the grade with its qualifiers, as {@link
   *     io.cexsafe.scoring.Scorecard#gradeLabel()}
   * @param pillars one point per pillar, in pillar order
   * @throws IllegalArgumentException when {@code low > high} or the confidence is outside [0, 1]
   */
  public HistoryPoint {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(gradeLabel, "gradeLabel");
    if (!(low <= high)) {
      throw new IllegalArgumentException("need low <= high: " + low + ", " + high);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
    }
    pillars = pillars == null ? List.of() : List.copyOf(pillars);
  }

  /**
   * Finds one pillar's point.
   *
   * @param pillar the pillar to look up
   * @return the pillar's point, or null when the scorecard had no score for it
   */
  public PillarPoint pillar(Pillar pillar) {
    return pillars.stream().filter(p -> p.pillar() == pillar).findFirst().orElse(null);
  }
}
