package io.cexsafe;

import java.time.Duration;

/** Hears about collector runs as they start and finish, e.g. to show progress. */
public interface AssessmentListener {
  /** The listener that ignores every event: the default when none is given. */
  AssessmentListener NONE = new AssessmentListener() {};

  /**
   * A collector started working on an exchange.
   *
   * @param exchangeId the exchange being assessed
   * @param collectorId the collector that started
   */
  default void started(String exchangeId, String collectorId) {}

  /**
   * A collector finished (or was skipped, failed or cut off) for an exchange.
   *
   * @param exchangeId the exchange being assessed
   * @param outcome how the collector's run ended, with its evidence count and problems
   * @param elapsed wall time from the collector's start to its end
   */
  default void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {}
}
