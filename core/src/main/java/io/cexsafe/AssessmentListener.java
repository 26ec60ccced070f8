package io.cexsafe;

import java.time.Duration;

/** Hears about collector runs as they start and finish, e.g. to show progress. */
public interface AssessmentListener {
  AssessmentListener NONE = new AssessmentListener() {};

  /** A collector started working on an exchange. */
  default void started(String exchangeId, String collectorId) {}

  /** A collector finished (or was skipped, failed or cut off) for an exchange. */
  default void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {}

  /**
   * Every collector is done with an exchange: its bundle is complete. Called in the order the
   * exchanges were given, as soon as each is complete, so that a caller can keep (e.g. store) each
   * result before the whole run ends.
   */
  default void exchangeAssessed(EvidenceBundle bundle) {}
}
