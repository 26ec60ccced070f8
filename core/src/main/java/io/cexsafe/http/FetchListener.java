package io.cexsafe.http;

/**
 * Hears about every request {@link HttpSupport} finishes, e.g. to export metrics. Called on the
 * fetching thread: keep it quick and never throw. With {@link #NONE} (the default) nothing is
 * measured, so an absent listener costs nothing.
 */
@FunctionalInterface
public interface FetchListener {
  /** Hears nothing. */
  FetchListener NONE = observation -> {};

  /**
   * A request finished, successfully or not.
   *
   * @param observation the request's host, final status, failure (null on success), body bytes and
   *     elapsed time
   */
  void fetched(FetchObservation observation);
}
