package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.collectors.defillama.ReserveRanking;
import io.cexsafe.http.HttpFetcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Ranks a catalogue by the {@code currentTvl} of its {@code /cexs} rows. */
public final class CexRankings {
  private CexRankings() {}

  /** See {@link ReserveRanking#largest}. */
  public static ReserveRanking.Result largest(
      HttpFetcher http, DefiLlamaSettings settings, ExchangeCatalog catalog, int n)
      throws SourceException {
    CexList list = CexList.parse(http.fetch(new Endpoints(settings).cexs()));
    List<ReserveRanking.Ranked> ranked = new ArrayList<>();
    Set<CexRow> placed = new HashSet<>();
    for (Exchange exchange : catalog.all()) {
      String slug =
          exchange
              .identifier("defillama.slug")
              .map(s -> s.trim().toLowerCase(Locale.ROOT))
              .orElse(null);
      list.find(exchange, slug)
          .filter(row -> row.currentTvl() != null && placed.add(row))
          .ifPresent(
              row -> ranked.add(new ReserveRanking.Ranked(exchange, row.currentTvl(), row.name())));
    }
    ranked.sort(
        Comparator.comparing(ReserveRanking.Ranked::reservesUsd)
            .reversed()
            .thenComparing(r -> r.exchange().id()));
    List<ReserveRanking.Ranked> top = ranked.subList(0, Math.min(n, ranked.size()));
    List<String> missing = new ArrayList<>();
    var floor = top.isEmpty() ? null : top.get(top.size() - 1).reservesUsd();
    list.rows().stream()
        .filter(row -> !placed.contains(row) && row.currentTvl() != null)
        .filter(row -> floor == null || row.currentTvl().compareTo(floor) > 0)
        .sorted(Comparator.comparing(CexRow::currentTvl).reversed())
        .forEach(row -> missing.add(row.name()));
    return new ReserveRanking.Result(top, missing);
  }
}
