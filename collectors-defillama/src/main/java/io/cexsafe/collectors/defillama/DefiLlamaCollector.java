package io.cexsafe.collectors.defillama;

import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.collectors.defillama.internal.DefiLlamaEngine;
import io.cexsafe.http.HostPolicy;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evidence from DeFiLlama's CEX transparency data: reserves and clean assets, the token and chain
 * mix of reserves, their 30-day trend, net flows, proof-of-reserves pointers, and CEX incidents
 * from its hacks list. See {@code docs/collectors/defillama.md}.
 *
 * <p>Thread-safe: one instance serves every exchange of a run.
 */
public final class DefiLlamaCollector implements EvidenceCollector {
  /** The collector id, also the prefix of its settings. */
  public static final String ID = DefiLlamaEngine.COLLECTOR_ID;

  /** Limits for DeFiLlama's public hosts (free tier: documented 10–200 requests a minute). */
  private static final Map<String, HostPolicy> HOST_POLICIES =
      Map.of(
          "api.llama.fi", new HostPolicy(4, 2.0),
          "stablecoins.llama.fi", new HostPolicy(2, 1.0),
          "pro-api.llama.fi", new HostPolicy(8, 15.0));

  private final DefiLlamaEngine engine;

  private DefiLlamaCollector(DefiLlamaSettings settings) {
    this.engine = new DefiLlamaEngine(settings);
  }

  /**
   * Creates the collector.
   *
   * @param settings URLs, key, switches and limits
   * @return the collector
   */
  public static DefiLlamaCollector create(DefiLlamaSettings settings) {
    return new DefiLlamaCollector(settings);
  }

  /** {@return a collector with the default settings: the free API, every endpoint on} */
  public static DefiLlamaCollector create() {
    return create(DefiLlamaSettings.defaults());
  }

  /** {@return the settings the collector was created with} */
  public DefiLlamaSettings settings() {
    return engine.settings();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Pillar> pillars() {
    return Set.of(Pillar.CUSTODY, Pillar.PROOF_OF_RESERVES, Pillar.TRACK_RECORD);
  }

  @Override
  public String description() {
    return "DeFiLlama: on-chain reserves, clean assets, token and chain mix, net flows, hacks";
  }

  @Override
  public Map<String, HostPolicy> hostPolicies() {
    return HOST_POLICIES;
  }

  @Override
  public Optional<Map<String, Integer>> plannedRequests(List<Exchange> exchanges) {
    return Optional.of(engine.planned(exchanges));
  }

  @Override
  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    return engine.collect(exchange, context);
  }
}
