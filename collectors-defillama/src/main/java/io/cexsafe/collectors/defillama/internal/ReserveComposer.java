package io.cexsafe.collectors.defillama.internal;

import java.time.Instant;

/** The token and chain mix of the reserves, from the latest breakdowns of {@code /protocol}. */
final class ReserveComposer {
  private final Endpoints endpoints;
  private final int topHoldings;

  ReserveComposer(Endpoints endpoints, int topHoldings) {
    this.endpoints = endpoints;
    this.topHoldings = topHoldings;
  }

  Findings map(DefiLlamaSnapshot snapshot) {
    ProtocolSummary protocol = snapshot.protocol();
    if (protocol == null) {
      return Findings.NONE;
    }
    Stablecoins stable = snapshot.stablecoins().value();
    ReserveMath.Composition composition =
        ReserveMath.composition(
            protocol.tokensUsd(),
            protocol.chainsUsd(),
            snapshot.ownTokensKnown() ? snapshot.ownTokens() : null,
            stable,
            topHoldings);
    if (composition == null) {
      return Findings.NONE;
    }
    Instant observed =
        protocol.tokensDate() != null ? protocol.tokensDate() : protocol.chainsDate();
    StringBuilder note =
        new StringBuilder(
                snapshot.time().past()
                    ? "shares of the last token breakdown on or before as-of of /protocol/"
                    : "shares of the latest token breakdown of /protocol/")
            .append(snapshot.slug())
            .append(" (")
            .append(composition.tokens())
            .append(" tokens, ")
            .append(protocol.chainsUsd().size())
            .append(" chains); own tokens matched: ")
            .append(
                composition.ownMatched().isEmpty()
                    ? "none"
                    : String.join(", ", composition.ownMatched()));
    if (stable == null) {
      note.append(
          "; stablecoin list unavailable, so stablecoin, major and long-tail shares are unknown");
    } else {
      note.append("; stablecoins matched by symbol: ")
          .append(
              composition.stableMatched().isEmpty()
                  ? "none"
                  : String.join(", ", composition.stableMatched()))
          .append("; major = BTC, WBTC, BTCB, CBBTC, ETH, WETH and stablecoins");
    }
    EvidenceSink sink = EvidenceSink.of(snapshot);
    sink.add(
        composition::fact,
        sink.provenance(
            endpoints.assetsPage(snapshot.slug()),
            "DeFiLlama CEX assets: " + snapshot.name(),
            observed == null ? snapshot.time().undated() : observed,
            ReserveEvidence.SNAPSHOT_STALE_AFTER,
            note.toString()));
    return sink.findings();
  }
}
