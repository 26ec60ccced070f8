package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Exchange;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.collectors.defillama.internal.DefiLlamaSnapshot.FlowRead;
import io.cexsafe.collectors.defillama.internal.DefiLlamaSnapshot.Reserves;
import io.cexsafe.http.FetchRequest;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.SharedDataset;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads what DeFiLlama says about one exchange into a {@link DefiLlamaSnapshot}: {@code /cexs},
 * {@code /hacks} and the stablecoin list are shared by every exchange of a run; {@code
 * /protocol/{slug}} (streamed) and, where {@code /cexs} lacks them, {@code /inflows} are fetched
 * per exchange. Failures are kept in the snapshot; nothing here makes evidence.
 */
final class DefiLlamaSources {
  private final DefiLlamaSettings settings;
  private final Endpoints endpoints;
  private final ProtocolSource protocol;
  private final SharedDataset<CexList> cexs;
  private final SharedDataset<List<Hack>> hacks;
  private final SharedDataset<Stablecoins> stablecoins;

  DefiLlamaSources(DefiLlamaSettings settings, Endpoints endpoints) {
    this.settings = settings;
    this.endpoints = endpoints;
    this.protocol =
        new ProtocolSource(endpoints, settings.protocolMaxBodyBytes(), settings.trendWindow());
    String scope = DefiLlamaEngine.COLLECTOR_ID + ":" + settings.baseUrl() + ":";
    this.cexs =
        SharedDataset.of(
            scope + "/cexs", context -> CexList.parse(context.http().fetch(endpoints.cexs())));
    this.hacks =
        SharedDataset.of(
            scope + "/hacks",
            context -> List.copyOf(Hack.parseList(context.http().fetch(endpoints.hacks()))));
    this.stablecoins =
        SharedDataset.of(
            DefiLlamaEngine.COLLECTOR_ID + ":" + settings.stablecoinsUrl() + "/stablecoins",
            context -> {
              FetchRequest request = endpoints.stablecoins();
              return context
                  .http()
                  .fetch(
                      request, (body, head) -> Stablecoins.read(body, head, request.displayUri()));
            });
  }

  DefiLlamaSnapshot read(Exchange exchange, CollectorContext context) {
    AsOf time = new AsOf(context.clock().instant(), context.asOf(), context.asOfInPast());
    String catalogueSlug =
        exchange
            .identifier("defillama.slug")
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .orElse(null);
    if (settings.cexsEnabled() && context.sharedState(cexs) == SharedDataset.State.LOADING) {
      loadAhead(context, catalogueSlug);
    }
    Fetched<CexList> list =
        settings.cexsEnabled() ? Fetched.attempt(() -> context.shared(cexs)) : Fetched.notAsked();
    CexRow row = list.succeeded() ? list.value().find(exchange, catalogueSlug).orElse(null) : null;
    String slug = row != null ? row.slug() : catalogueSlug;
    Set<String> ownTokens = ownTokens(exchange, row);
    if (DefiLlamaSnapshot.refused(list.failure())) {
      return new DefiLlamaSnapshot(
          exchange, time, list, row, slug, ownTokens, Fetched.notAsked(), Fetched.notAsked(), null);
    }
    // The shared lists load before /protocol, so that the run's other exchanges wait for them
    // instead of queueing them behind their own calls; exchanges take them in opposite orders so
    // that the two first loads of a run go out together.
    Fetched<List<Hack>> hackList;
    Fetched<Stablecoins> stable;
    if (Math.floorMod(exchange.id().hashCode(), 2) == 0) {
      stable = stablecoins(context, slug);
      hackList = hacks(context);
    } else {
      hackList = hacks(context);
      stable = stablecoins(context, slug);
    }
    Reserves reserves = slug == null ? null : reserves(context, time, row, slug, ownTokens);
    return new DefiLlamaSnapshot(
        exchange, time, list, row, slug, ownTokens, hackList, stable, reserves);
  }

  /**
   * Another exchange of the run is loading {@code /cexs}: rather than wait for it idle, this one
   * loads a shared list it will ask for next that no one has started yet, so that the run's shared
   * lists go out together instead of in turn. The value or failure is recorded for the run and read
   * again, in the usual order, once {@code /cexs} is in; an exchange that asks alone still asks for
   * {@code /cexs} first and nothing else when the host refuses it.
   */
  private void loadAhead(CollectorContext context, String catalogueSlug) {
    SharedDataset<?> next = null;
    if (settings.hacksEnabled() && context.sharedState(hacks) == SharedDataset.State.NOT_STARTED) {
      next = hacks;
    } else if (catalogueSlug != null
        && settings.protocolEnabled()
        && settings.stablecoinsEnabled()
        && context.sharedState(stablecoins) == SharedDataset.State.NOT_STARTED) {
      next = stablecoins;
    }
    if (next != null) {
      try {
        context.shared(next);
      } catch (SourceException recordedForTheRun) {
        // read again below, where a failure becomes part of the snapshot
      }
    }
  }

  private Fetched<List<Hack>> hacks(CollectorContext context) {
    return settings.hacksEnabled()
        ? Fetched.attempt(() -> context.shared(hacks))
        : Fetched.notAsked();
  }

  /** Only tracked exchanges need it. */
  private Fetched<Stablecoins> stablecoins(CollectorContext context, String slug) {
    return slug != null && settings.protocolEnabled() && settings.stablecoinsEnabled()
        ? Fetched.attempt(() -> context.shared(stablecoins))
        : Fetched.notAsked();
  }

  private Reserves reserves(
      CollectorContext context, AsOf time, CexRow row, String slug, Set<String> ownTokens) {
    ProtocolRead history =
        settings.protocolEnabled()
            ? protocol.read(context.http(), slug, time.historyCutoff())
            : null;
    if (history != null
        && (history.missing() || history.status() == ProtocolRead.Status.BEFORE_HISTORY)) {
      return new Reserves(history, List.of()); // no reserves then, so no flows either
    }
    List<FlowRead> flows = new ArrayList<>();
    for (int hours : DefiLlamaSnapshot.FLOW_WINDOWS) {
      if (DefiLlamaSnapshot.listedFlow(row, time, hours) == null && settings.inflowsEnabled()) {
        flows.add(new FlowRead(hours, inflow(context, time, slug, hours, ownTokens)));
      }
    }
    return new Reserves(history, flows);
  }

  /** The window ends at a past run's as-of, else at retrieval. */
  private Fetched<Inflow> inflow(
      CollectorContext context, AsOf time, String slug, int hours, Set<String> ownTokens) {
    Instant end = time.undated().truncatedTo(ChronoUnit.SECONDS);
    Instant start = end.minus(Duration.ofHours(hours));
    FetchRequest request = endpoints.inflows(slug, start, end, ownTokens);
    String what = "the /inflows answer for '" + slug + "' over " + hours + " h";
    return Fetched.attempt(
        () -> Inflow.parse(context.http().fetch(request), what, request.displayUri()));
  }

  private static Set<String> ownTokens(Exchange exchange, CexRow row) {
    Set<String> own = new LinkedHashSet<>(exchange.ownTokens());
    if (row != null) {
      if (row.coinSymbol() != null) {
        own.add(row.coinSymbol());
      }
      own.addAll(row.ownTokens());
    }
    return own;
  }
}
