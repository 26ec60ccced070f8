package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Exchange;
import io.cexsafe.collectors.defillama.DefiLlamaSettings;
import io.cexsafe.collectors.defillama.internal.DefiLlamaSnapshot.FlowRead;
import io.cexsafe.collectors.defillama.internal.DefiLlamaSnapshot.Reserves;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-made snapshots for the mappers' tests: what a run read, without any server. */
final class SnapshotFixture {
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final Instant PAST = Instant.parse("2026-11-01T00:00:00Z");
  static final AsOf TODAY = new AsOf(NOW, NOW, false);
  static final AsOf IN_THE_PAST = new AsOf(NOW, PAST, true);
  static final Endpoints ENDPOINTS = new Endpoints(DefiLlamaSettings.defaults());

  Exchange exchange = Exchange.of("binance", "Binance");
  AsOf time = TODAY;
  Fetched<CexList> cexs = Fetched.notAsked();
  CexRow row;
  String slug;
  Set<String> ownTokens = new LinkedHashSet<>();
  Fetched<List<Hack>> hacks = Fetched.notAsked();
  Fetched<Stablecoins> stablecoins = Fetched.notAsked();
  ProtocolRead protocol;
  List<FlowRead> flows = new ArrayList<>();
  boolean reservesRead;

  /** Binance as listed by {@code /cexs}, tracked as {@code binance-cex}. */
  static SnapshotFixture listedBinance() {
    SnapshotFixture f = new SnapshotFixture();
    f.row = row("Binance", "Binance-CEX", new BigDecimal("1000"), new BigDecimal("800"));
    f.cexs = Fetched.of(new CexList(List.of(f.row)));
    f.slug = "binance-cex";
    f.ownTokens.add("BNB");
    return f;
  }

  static CexRow row(String name, String slug, BigDecimal total, BigDecimal clean) {
    return new CexRow(
        name, slug, "BNB", List.of(), null, null, null, null, total, clean, null, null, null,
        List.of());
  }

  static ProtocolSummary summary(Map<String, BigDecimal> tokens, BigDecimal total) {
    Instant day = NOW.minusSeconds(3600);
    return new ProtocolSummary(
        "2269",
        "Binance CEX",
        day,
        total,
        day,
        tokens,
        day,
        Map.of("Bitcoin", total),
        List.of(
            new ProtocolSummary.TvlPoint(day.minusSeconds(30 * 86_400L), 900),
            new ProtocolSummary.TvlPoint(day, 1000)),
        null,
        null,
        day.minusSeconds(400 * 86_400L),
        List.of());
  }

  static Map<String, BigDecimal> tokens(Object... symbolAndUsd) {
    Map<String, BigDecimal> tokens = new LinkedHashMap<>();
    for (int i = 0; i < symbolAndUsd.length; i += 2) {
      tokens.put((String) symbolAndUsd[i], new BigDecimal(symbolAndUsd[i + 1].toString()));
    }
    return tokens;
  }

  SnapshotFixture protocol(ProtocolRead read) {
    this.protocol = read;
    this.reservesRead = true;
    return this;
  }

  DefiLlamaSnapshot build() {
    Reserves reserves = reservesRead || slug != null ? new Reserves(protocol, flows) : null;
    return new DefiLlamaSnapshot(
        exchange, time, cexs, row, slug, ownTokens, hacks, stablecoins, reserves);
  }
}
