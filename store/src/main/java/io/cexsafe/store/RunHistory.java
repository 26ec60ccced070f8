package io.cexsafe.store;

import io.cexsafe.Evidence;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.store.internal.JdbcStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored results of an {@link EvidenceStore}, read back: an exchange's score, grade, range,
 * confidence and pillars over time, and the snapshot (evidence bundle and scorecard) of any stored
 * run. History reads a summary kept beside each scorecard, so it never parses whole scorecards.
 * Obtained from {@link EvidenceStore#history()}; thread-safe.
 */
public final class RunHistory {
  private final JdbcStore store;

  RunHistory(JdbcStore store) {
    this.store = store;
  }

  /**
   * Every stored point of the exchange, oldest first (then by commit time).
   *
   * @param exchangeId the exchange id (as stored: catalogue ids, not names or aliases)
   * @return the exchange's points, empty when nothing was stored for it
   */
  public List<HistoryPoint> points(String exchangeId) {
    return points(exchangeId, null, null);
  }

  /**
   * The exchange's points whose evaluation instant is within {@code [from, to]}, oldest first:
   * assessed runs, and the days a backfill reconstructed that no assessed run covers ({@link
   * HistoryPoint#reconstructed()}; one point per day, dated by its reserve figure, with no score).
   *
   * @param exchangeId the exchange id (as stored: catalogue ids, not names or aliases)
   * @param from the earliest instant, or null for no lower bound
   * @param to the latest instant, or null for no upper bound
   * @return the points in range, oldest first (then by commit time); empty when none
   * @throws IllegalArgumentException when {@code from} is after {@code to}
   */
  public List<HistoryPoint> points(String exchangeId, Instant from, Instant to) {
    Objects.requireNonNull(exchangeId, "exchangeId");
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    List<HistoryPoint> runs = store.history(exchangeId, from, to);
    List<ReconstructedFact> facts = store.reconstructed(exchangeId, from, to);
    if (facts.isEmpty()) {
      return runs;
    }
    TreeMap<LocalDate, HistoryPoint> days = new TreeMap<>();
    for (ReconstructedFact fact : facts) {
      Evidence e = fact.evidence();
      HistoryPoint day = days.get(fact.day());
      if (e.fact() instanceof ReserveSnapshot reserves) {
        if (day == null
            || day.reservesUsd() == null
            || !e.provenance().observedAt().isBefore(day.asOf())) {
          days.put(
              fact.day(),
              HistoryPoint.reconstructed(
                  fact.backfillId(), e.provenance().observedAt(), reserves.totalUsd()));
        }
      } else if (day == null) {
        days.put(
            fact.day(),
            HistoryPoint.reconstructed(
                fact.backfillId(), fact.day().atStartOfDay(ZoneOffset.UTC).toInstant(), null));
      }
    }
    List<HistoryPoint> merged = new ArrayList<>(runs);
    merged.addAll(days.values());
    // stable: at one instant, the assessed run comes first
    merged.sort(Comparator.comparing(HistoryPoint::asOf));
    return merged;
  }

  /**
   * The facts a backfill reconstructed for the exchange, observed within {@code [from, to]}, oldest
   * first; days an assessed run covers are left out (a real run wins for its date).
   *
   * @param exchangeId the exchange id (as stored: catalogue ids, not names or aliases)
   * @param from the earliest observation instant, or null for no lower bound
   * @param to the latest observation instant, or null for no upper bound
   * @return the reconstructed facts, empty when none
   * @throws IllegalArgumentException when {@code from} is after {@code to}
   */
  public List<ReconstructedFact> reconstructed(String exchangeId, Instant from, Instant to) {
    Objects.requireNonNull(exchangeId, "exchangeId");
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    return store.reconstructed(exchangeId, from, to);
  }

  /** {@return the ids of the exchanges with at least one stored result, sorted} */
  public List<String> exchanges() {
    return store.exchanges();
  }

  /**
   * What a run stored for an exchange.
   *
   * @param exchangeId the exchange id (as stored: catalogue ids, not names or aliases)
   * @param runId the run's id
   * @return the run's snapshot of the exchange, or empty when the run did not commit it (or the run
   *     is unknown)
   */
  public Optional<Snapshot> snapshot(String exchangeId, String runId) {
    return store.snapshot(
        Objects.requireNonNull(exchangeId, "exchangeId"), Objects.requireNonNull(runId, "runId"));
  }

  /**
   * The latest snapshot of the exchange whose evaluation instant is at or before {@code instant}
   * (of two runs with the same instant, the one committed last), if any.
   *
   * @param exchangeId the exchange id (as stored: catalogue ids, not names or aliases)
   * @param instant the latest evaluation instant to consider, inclusive
   * @return that snapshot, or empty when no stored run evaluated the exchange at or before it
   */
  public Optional<Snapshot> latestAtOrBefore(String exchangeId, Instant instant) {
    return store.latestAtOrBefore(
        Objects.requireNonNull(exchangeId, "exchangeId"),
        Objects.requireNonNull(instant, "instant"));
  }
}
