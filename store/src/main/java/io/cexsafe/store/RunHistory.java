package io.cexsafe.store;

import io.cexsafe.store.internal.JdbcStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
   * The exchange's points whose evaluation instant is within {@code [from, to]}, oldest first.
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
    return store.history(exchangeId, from, to);
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
