package io.cexsafe.collectors.defillama;

import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.collectors.defillama.internal.HistoryReconstruction;
import io.cexsafe.http.HttpFetcher;
import java.time.Instant;
import java.util.Objects;

/**
 * Rebuilds an exchange's past reserves and incidents from DeFiLlama's dated data, so that trends
 * and alerts have a history before the first assessed run: {@code /protocol/{slug}} gives one
 * reserve snapshot per day (its total, and own-token and clean assets where that day has a token
 * breakdown; the date is the point's timestamp), {@code /hacks} the incidents. It uses the
 * collector's own requests, parsers, size limits and failure handling: a failed call or a value
 * that cannot be represented becomes a {@link io.cexsafe.Problem} and loses only what it concerns.
 *
 * <p>Each fact is <em>reconstructed</em>: retrieved now, describing a past date, from the source
 * URL in its provenance, whose note begins with {@value #NOTE_PREFIX}. Scores are never
 * reconstructed.
 *
 * <pre>{@code
 * DefiLlamaBackfill backfill = DefiLlamaBackfill.create(DefiLlamaSettings.defaults());
 * ReconstructedHistory past = backfill.reconstruct(kraken, catalog, http, clock.instant());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class DefiLlamaBackfill {
  /** How the provenance note of every reconstructed fact begins. */
  public static final String NOTE_PREFIX = HistoryReconstruction.NOTE_PREFIX;

  /** The most days of reserve history kept: the latest ones. */
  public static final int MAX_DAYS = HistoryReconstruction.MAX_DAYS;

  private final DefiLlamaSettings settings;
  private final HistoryReconstruction reconstruction;

  private DefiLlamaBackfill(DefiLlamaSettings settings) {
    this.settings = settings;
    this.reconstruction = new HistoryReconstruction(settings);
  }

  /**
   * Creates a backfill that reads DeFiLlama as the collector with these settings would.
   *
   * @param settings URLs, key, switches and limits (the collector's)
   * @return the backfill
   */
  public static DefiLlamaBackfill create(DefiLlamaSettings settings) {
    return new DefiLlamaBackfill(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * Creates a backfill from the collector's settings in {@code config}.
   *
   * @param config the collector's settings, unscoped ({@code base-url}, not {@code
   *     defillama.base-url})
   * @return the backfill
   * @throws io.cexsafe.InvalidSettingException when a setting is invalid
   */
  public static DefiLlamaBackfill fromConfig(Config config) {
    return create(DefiLlamaSettings.fromConfig(config));
  }

  /** {@return the settings the backfill reads DeFiLlama with} */
  public DefiLlamaSettings settings() {
    return settings;
  }

  /**
   * Reads DeFiLlama's history of the exchange. Expected failures (HTTP errors, rate limits,
   * timeouts, malformed or oversized answers, an exchange DeFiLlama does not track) are problems in
   * the result, never exceptions.
   *
   * @param exchange the exchange; its {@code defillama.slug} names its reserve history
   * @param catalog the catalogue, to tell which exchange a {@code /hacks} row names
   * @param http the HTTP client to read with
   * @param retrievedAt when the history is read: the retrieval time of every fact
   * @return the reconstructed reserves and incidents, and the problems
   */
  public ReconstructedHistory reconstruct(
      Exchange exchange, ExchangeCatalog catalog, HttpFetcher http, Instant retrievedAt) {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(retrievedAt, "retrievedAt");
    HistoryReconstruction.Result result =
        reconstruction.reconstruct(exchange, catalog, http, retrievedAt);
    return new ReconstructedHistory(
        exchange.id(), result.reserves(), result.incidents(), result.problems());
  }

  /**
   * Tells whether a piece of evidence was reconstructed by a backfill.
   *
   * @param evidence the evidence
   * @return true when its provenance note says it was reconstructed
   */
  public static boolean isReconstructed(Evidence evidence) {
    String note = evidence.provenance().note();
    return note != null && note.startsWith(NOTE_PREFIX);
  }
}
