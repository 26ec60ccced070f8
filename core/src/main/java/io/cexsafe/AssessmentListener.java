package io.cexsafe;

import io.cexsafe.http.FetchObservation;
import java.time.Duration;
import java.util.List;

/**
 * Hears about collector runs as they start and finish, e.g. to show progress or export metrics.
 * Every method has a no-op default, so a listener overrides only what it needs and an absent
 * listener ({@link #NONE}) costs nothing. Methods are called on collector threads: keep them quick
 * and never throw.
 */
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

  /**
   * An HTTP request made by the assessor's own client finished. Not called when the assessor was
   * given a caller's {@code HttpSupport}: give that one the listener at creation instead.
   *
   * @param observation the finished request's host, status, size, duration and failure, if any
   */
  default void fetched(FetchObservation observation) {}

  /**
   * Whether this listener wants {@link #fetched} calls; the assessor measures requests only when
   * some listener does. The default says yes unless this is {@link #NONE}.
   *
   * @return true if the assessor should measure requests and report them to {@link #fetched}
   */
  default boolean hearsFetches() {
    return this != NONE;
  }

  /**
   * A listener that passes every call to each of {@code listeners}, in order.
   *
   * @param listeners the listeners to call, in the order they are called
   * @return the one listener itself when exactly one is given, else a listener fanning out to all
   *     of them that hears fetches when any of them does
   */
  static AssessmentListener all(AssessmentListener... listeners) {
    List<AssessmentListener> each = List.of(listeners);
    if (each.size() == 1) {
      return each.get(0);
    }
    return new AssessmentListener() {
      @Override
      public void started(String exchangeId, String collectorId) {
        each.forEach(listener -> listener.started(exchangeId, collectorId));
      }

      @Override
      public void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {
        each.forEach(listener -> listener.finished(exchangeId, outcome, elapsed));
      }

      @Override
      public void exchangeAssessed(EvidenceBundle bundle) {
        each.forEach(listener -> listener.exchangeAssessed(bundle));
      }

      @Override
      public void fetched(FetchObservation observation) {
        each.forEach(listener -> listener.fetched(observation));
      }

      @Override
      public boolean hearsFetches() {
        return each.stream().anyMatch(AssessmentListener::hearsFetches);
      }
    };
  }

  /**
   * Every collector is done with an exchange: its bundle is complete. Called in the order the
   * exchanges were given, as soon as each is complete, so that a caller can keep (e.g. store) each
   * result before the whole run ends.
   *
   * @param bundle the exchange's complete evidence, with every collector's outcome
   */
  default void exchangeAssessed(EvidenceBundle bundle) {}
}
