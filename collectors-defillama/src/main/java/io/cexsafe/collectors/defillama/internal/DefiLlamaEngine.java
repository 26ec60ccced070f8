package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Exchange;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DeFiLlama collection for one exchange: its {@link DefiLlamaSources sources} read everything
 * into an immutable {@link DefiLlamaSnapshot}, then small mappers (listing, reserves, PoR pointers,
 * incidents) each turn it into {@link Findings}, which make the result.
 */
public final class DefiLlamaEngine {
  public static final String COLLECTOR_ID = "defillama";

  private final DefiLlamaSettings settings;
  private final DefiLlamaSources sources;
  private final ListingEvidence listing;
  private final ReserveEvidence reserves;
  private final PorPointers porPointers;
  private final IncidentEvidence incidents;

  public DefiLlamaEngine(DefiLlamaSettings settings) {
    this.settings = settings;
    Endpoints endpoints = new Endpoints(settings);
    this.sources = new DefiLlamaSources(settings, endpoints);
    this.listing = new ListingEvidence(endpoints);
    this.reserves = new ReserveEvidence(endpoints, settings.topHoldings());
    this.porPointers = new PorPointers(endpoints);
    this.incidents = new IncidentEvidence(endpoints);
  }

  public DefiLlamaSettings settings() {
    return settings;
  }

  /**
   * The requests a run over {@code exchanges} makes per host: {@code /cexs} and {@code /hacks}
   * once, the stablecoin list once when some exchange has a slug, and {@code /protocol} once per
   * exchange with a catalogue slug. {@code /inflows} is asked only where {@code /cexs} lacks a
   * window's flow, which is not known before the run, and is not counted.
   */
  public Map<String, Integer> planned(List<Exchange> exchanges) {
    String api =
        (settings.apiKey().isPresent() ? settings.proBaseUrl() : settings.baseUrl()).getHost();
    Map<String, Integer> perHost = new LinkedHashMap<>();
    if (settings.cexsEnabled()) {
      perHost.merge(api, 1, Integer::sum);
    }
    if (settings.hacksEnabled()) {
      perHost.merge(api, 1, Integer::sum);
    }
    long slugged =
        exchanges.stream().filter(e -> e.identifier("defillama.slug").isPresent()).count();
    if (slugged > 0 && settings.protocolEnabled()) {
      perHost.merge(api, (int) slugged, Integer::sum);
      if (settings.stablecoinsEnabled()) {
        perHost.merge(settings.stablecoinsUrl().getHost(), 1, Integer::sum);
      }
    }
    return perHost;
  }

  public CollectionResult collect(Exchange exchange, CollectorContext context) {
    DefiLlamaSnapshot snapshot = sources.read(exchange, context);
    // the order of the parts is the order of the result's evidence and problems: the /hacks
    // failure comes before the reserves' because that list is read first
    return Findings.concat(
            List.of(
                listing.coverage(snapshot),
                incidents.listFailure(snapshot),
                reserves.map(snapshot),
                porPointers.map(snapshot),
                incidents.map(snapshot, context.catalog()),
                listing.reserveSearch(snapshot)))
        .result();
  }
}
