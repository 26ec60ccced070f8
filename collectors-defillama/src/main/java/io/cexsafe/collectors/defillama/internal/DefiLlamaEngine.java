package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Exchange;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import java.util.List;

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
