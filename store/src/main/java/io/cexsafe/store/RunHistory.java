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

  /** Every stored point of the exchange, oldest first (then by commit time). */
  public List<HistoryPoint> points(String exchangeId) {
    return points(exchangeId, null, null);
  }

  /**
   * The exchange's points whose evaluation instant is within {@code [from, to]}, oldest first.
   *
   * @param exchangeId the exchange id (as stored: catalogue ids, not names or aliases)
   * @param from the earliest instant, or null for no lower bound
   * @param to the latest instant, or null for no upper bound
   */
  public List<HistoryPoint> points(String exchangeId, Instant from, Instant to) {
    Objects.requireNonNull(exchangeId, "exchangeId");
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    return store.history(exchangeId, from, to);
  }

  /** The exchanges with at least one stored result, sorted by id. */
  public List<String> exchanges() {
    return store.exchanges();
  }

  /** What a run stored for an exchange, if it committed one. */
  public Optional<Snapshot> snapshot(String exchangeId, String runId) {
    return store.snapshot(
        Objects.requireNonNull(exchangeId, "exchangeId"), Objects.requireNonNull(runId, "runId"));
  }

  /**
   * The latest snapshot of the exchange whose evaluation instant is at or before {@code instant}
   * (of two runs with the same instant, the one committed last), if any.
   */
  public Optional<Snapshot> latestAtOrBefore(String exchangeId, Instant instant) {
    return store.latestAtOrBefore(
        Objects.requireNonNull(exchangeId, "exchangeId"),
        Objects.requireNonNull(instant, "instant"));
  }
}
