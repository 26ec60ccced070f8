package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Exchange;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything DeFiLlama said about one exchange in one run, failures included, read before any
 * evidence is made: the mappers are functions of it.
 *
 * @param exchange the exchange
 * @param time when the sources were read, and the run's as-of
 * @param cexs the {@code /cexs} list (shared by the run's exchanges)
 * @param row the exchange's {@code /cexs} row, or null
 * @param slug the slug DeFiLlama tracks the exchange under (from the row or the catalogue), or null
 * @param ownTokens the exchange's own-token symbols (catalogue and row), upper case
 * @param hacks the {@code /hacks} list (shared)
 * @param stablecoins the stablecoin list (shared; only read for tracked exchanges)
 * @param reserves the per-exchange reserve reads, or null when none were made (no slug, or the host
 *     refused {@code /cexs})
 */
record DefiLlamaSnapshot(
    Exchange exchange,
    AsOf time,
    Fetched<CexList> cexs,
    CexRow row,
    String slug,
    Set<String> ownTokens,
    Fetched<List<Hack>> hacks,
    Fetched<Stablecoins> stablecoins,
    Reserves reserves) {
  /** Net-flow windows in hours, as {@code /cexs} carries them. */
  static final List<Integer> FLOW_WINDOWS = List.of(24, 168, 720);

  DefiLlamaSnapshot {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(cexs, "cexs");
    // insertion order kept: it is the order notes and the /inflows exclusion list name them in
    ownTokens = Collections.unmodifiableSet(new LinkedHashSet<>(ownTokens));
    Objects.requireNonNull(hacks, "hacks");
    Objects.requireNonNull(stablecoins, "stablecoins");
    if (row != null && !cexs.succeeded()) {
      throw new IllegalArgumentException("a /cexs row needs the /cexs list");
    }
  }

  /**
   * The per-exchange reads.
   *
   * @param protocol the {@code /protocol} read, or null when that endpoint is disabled
   * @param flows one read per window of {@link #FLOW_WINDOWS} not answered by {@code /cexs}
   */
  record Reserves(ProtocolRead protocol, List<FlowRead> flows) {
    Reserves {
      flows = List.copyOf(flows);
    }
  }

  /** An {@code /inflows} read for one window. */
  record FlowRead(int hours, Fetched<Inflow> inflow) {
    FlowRead {
      Objects.requireNonNull(inflow, "inflow");
    }
  }

  /** True when {@code /cexs} answered. */
  boolean listKnown() {
    return cexs.succeeded();
  }

  /**
   * True when the host refused {@code /cexs}: every exchange of the run shares that failure, and
   * more calls would only add to the storm.
   */
  boolean hostRefused() {
    return refused(cexs.failure());
  }

  static boolean refused(SourceException failure) {
    return failure != null
        && (failure.reason() == ReasonCode.RATE_LIMITED
            || failure.reason() == ReasonCode.BLOCKED
            || failure.reason() == ReasonCode.TIMEOUT);
  }

  /** The {@code /protocol} history, or null when it was not read or is unusable. */
  ProtocolSummary protocol() {
    return reserves == null || reserves.protocol() == null ? null : reserves.protocol().summary();
  }

  /** True when DeFiLlama said it has no protocol under the slug. */
  boolean protocolMissing() {
    return reserves != null && reserves.protocol() != null && reserves.protocol().missing();
  }

  /** The name DeFiLlama lists the exchange under, or the catalogue's. */
  String name() {
    return row != null ? row.name() : exchange.name();
  }

  /**
   * Whether anyone says which tokens are the exchange's: the catalogue, or a {@code /cexs} row
   * (whose {@code coinSymbol} may say "none"). Otherwise the own-token value is unknown, not 0.
   */
  boolean ownTokensKnown() {
    return !ownTokens.isEmpty() || row != null;
  }

  /** The net flow {@code /cexs} gives for a window, or null (it shows only today's state). */
  static BigDecimal listedFlow(CexRow row, AsOf time, int hours) {
    return row == null || time.past() ? null : row.inflow(hours);
  }
}
