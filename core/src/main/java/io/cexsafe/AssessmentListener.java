package io.cexsafe;

import java.time.Duration;

/** Hears about collector runs as they start and finish, e.g. to show progress. */
public interface AssessmentListener {
  AssessmentListener NONE = new AssessmentListener() {};

  /** A collector started working on an exchange. */
  default void started(String exchangeId, String collectorId) {}

  /** A collector finished (or was skipped, failed or cut off) for an exchange. */
  default void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {}
}
