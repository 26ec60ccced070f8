package io.cexsafe.spi;

import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.http.HostPolicy;
import java.util.Map;
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
 *   <li>implementations are thread-safe: one instance serves many exchanges concurrently.
 * </ul>
 */
public interface EvidenceCollector {
  /** Stable kebab-case id, e.g. {@code defillama}. Also the prefix of its settings. */
  String id();

  /** The pillars this collector's evidence informs. */
  Set<Pillar> pillars();

  /** One line saying what the collector reads. */
  default String description() {
    return id();
  }

  /** False for collectors that only read bundled or local data; those still run offline. */
  default boolean requiresNetwork() {
    return true;
  }

  /** Limits for the hosts this collector calls, e.g. a source's documented rate limit. */
  default Map<String, HostPolicy> hostPolicies() {
    return Map.of();
  }

  /** Collects evidence about {@code exchange}. */
  CollectionResult collect(Exchange exchange, CollectorContext context);
}
