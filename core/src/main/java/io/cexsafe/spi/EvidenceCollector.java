package io.cexsafe.spi;

import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.http.HostPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects sourced evidence about one exchange from one kind of source.
 *
 * <p>Contract (checked by the collector contract kit in {@code cexsafe-testing}):
 *
 * <ul>
 *   <li>{@link #id()} is stable kebab-case;
 *   <li>{@link #collect} never throws for expected failures (network errors, HTTP 4xx/5xx, rate
 *       limits, timeouts, malformed or empty payloads, the exchange not being listed): it reports
 *       them in the {@link CollectionResult} with a reason code;
 *   <li>a failed source never produces evidence: no zeros, no guesses;
 *   <li>evidence carries provenance with {@code retrievedAt} from the context's clock;
 *   <li>when {@link CollectorContext#asOfInPast()}, evidence is what was knowable at {@link
 *       CollectorContext#asOf()}: {@code observedAt} is the source's own date, never after as-of
 *       (the {@link io.cexsafe.Assessor} drops anything observed later and records a problem);
 *   <li>implementations are thread-safe: one instance serves many exchanges concurrently.
 * </ul>
 */
public interface EvidenceCollector {
  /** {@return stable kebab-case id, e.g. {@code defillama}} Also the prefix of its settings. */
  String id();

  /** {@return the pillars this collector's evidence informs} */
  Set<Pillar> pillars();

  /** {@return one line saying what the collector reads} */
  default String description() {
    return id();
  }

  /**
   * {@return false for collectors that only read bundled or local data; those still run offline}
   */
  default boolean requiresNetwork() {
    return true;
  }

  /** {@return limits for the hosts this collector calls, e.g. a source's documented rate limit} */
  default Map<String, HostPolicy> hostPolicies() {
    return Map.of();
  }

  /**
   * The requests a run of this collector over {@code exchanges} is expected to make, per host, when
   * every source answers at its first attempt: shared lists counted once, per-exchange calls once
   * per exchange, paged sources at their configured page limit. The run estimate divides these by
   * the hosts' limits ({@link #hostPolicies()}) before the run starts.
   *
   * @param exchanges the exchanges of the run
   * @return the count per host (an empty map for a collector that would call nothing); empty when
   *     the collector cannot tell, which the estimate then names as not estimated
   */
  default Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    return Optional.empty();
  }

  /**
   * {@return false for sources that show only their current state (a register's current entry, a
   * store's current rating): a run whose as-of lies in the past then skips the collector with
   * {@link io.cexsafe.ReasonCode#NO_HISTORY} instead of presenting today's state as past evidence}
   * True (the default) for collectors that read their source as of {@link CollectorContext#asOf()},
   * or date every fact by the source's own timestamps.
   */
  default boolean keepsHistory() {
    return true;
  }

  /**
   * Collects evidence about {@code exchange}. Expected failures are returned as problems, never
   * thrown.
   *
   * @param exchange the exchange
   * @param context HTTP, clock, as-of, deadline and shared datasets for this run
   * @return the evidence and problems
   */
  CollectionResult collect(Exchange exchange, CollectorContext context);
}
