package io.cexsafe.store;

import io.cexsafe.Pillar;
import io.cexsafe.scoring.Grade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One exchange's scorecard summary in one stored run: a point on its history. A
 * <em>reconstructed</em> point is a day a backfill rebuilt from a source's dated history (see
 * {@link EvidenceStore#recordReconstructed(String, String, List)}): it has reserves but no score
 * (estimate and grade null, range 0 to 100, confidence 0, no pillars), and its run id is the
 * backfill's.
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
 * @param reconstructed true for a day a backfill reconstructed, false for an assessed run
 * @param reservesUsd a reconstructed day's total reserves in USD, or null (always null for an
 *     assessed run, whose reserves are in its snapshot)
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
    List<PillarPoint> pillars,
    boolean reconstructed,
    BigDecimal reservesUsd) {
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
   * @param reconstructed true for a day a backfill reconstructed, false for an assessed run
   * @param reservesUsd a reconstructed day's total reserves in USD, or null
   * @throws IllegalArgumentException when {@code low > high}, the confidence is outside [0, 1], or
   *     an assessed run's point carries reserves
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
    if (!reconstructed && reservesUsd != null) {
      throw new IllegalArgumentException("only a reconstructed point carries reserves");
    }
  }

  /**
   * An assessed run's point.
   *
   * @param runId the run
   * @param asOf the scorecard's evaluation instant (millisecond precision)
   * @param estimate overall point estimate out of 100, or null when nothing was known
   * @param low overall low end
   * @param high overall high end
   * @param confidence weighted coverage in [0, 1]
   * @param grade the letter grade, or null when not rated
   * @param gradeLabel the grade with its qualifiers
   * @param pillars one point per pillar, in pillar order
   * @throws IllegalArgumentException when {@code low > high} or the confidence is outside [0, 1]
   */
  public HistoryPoint(
      String runId,
      Instant asOf,
      Double estimate,
      double low,
      double high,
      double confidence,
      Grade grade,
      String gradeLabel,
      List<PillarPoint> pillars) {
    this(runId, asOf, estimate, low, high, confidence, grade, gradeLabel, pillars, false, null);
  }

  /**
   * A day a backfill reconstructed: reserves, no score.
   *
   * @param backfillId the backfill that recorded it
   * @param asOf the instant of the day's reserve figure (or the start of the day without one)
   * @param reservesUsd the day's total reserves in USD, or null when the day has only other facts
   * @return the point
   */
  public static HistoryPoint reconstructed(
      String backfillId, Instant asOf, BigDecimal reservesUsd) {
    return new HistoryPoint(
        backfillId, asOf, null, 0, 100, 0, null, RECONSTRUCTED_LABEL, List.of(), true, reservesUsd);
  }

  /** The grade label of a reconstructed point, which has no score. */
  public static final String RECONSTRUCTED_LABEL = "not scored (reconstructed)";

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
