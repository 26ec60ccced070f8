package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange's reserves: the snapshot of total, clean and own-token assets, the token and chain
 * mix, the trend, and (through {@link NetFlowEvidence}) the net flows. A past run uses only the
 * {@code /protocol} history up to its as-of.
 */
final class ReserveEvidence {
  static final Duration SNAPSHOT_STALE_AFTER = Duration.ofDays(2);
  static final Duration TREND_STALE_AFTER = Duration.ofDays(7);

  private final Endpoints endpoints;
  private final ReserveComposer composer;
  private final NetFlowEvidence flows;

  ReserveEvidence(Endpoints endpoints, int topHoldings) {
    this.endpoints = endpoints;
    this.composer = new ReserveComposer(endpoints, topHoldings);
    this.flows = new NetFlowEvidence(endpoints);
  }

  Findings map(DefiLlamaSnapshot snapshot) {
    DefiLlamaSnapshot.Reserves reserves = snapshot.reserves();
    if (reserves == null) {
      return Findings.NONE;
    }
    EvidenceSink sink = EvidenceSink.of(snapshot);
    ProtocolRead read = reserves.protocol();
    if (read != null && read.problem() != null) {
      if (read.missing()) {
        sink.notTracked(read.problem());
      } else {
        sink.problem(read.problem());
      }
      if (read.missing() || read.status() == ProtocolRead.Status.BEFORE_HISTORY) {
        // no such protocol, or not tracked yet: no reserves and no flows
        return sink.findings();
      }
    }
    ProtocolSummary protocol = snapshot.protocol();
    String slug = snapshot.slug();
    if (protocol != null) {
      for (String line : protocol.unrepresentable()) {
        sink.problem(
            new Problem(
                ReasonCode.MALFORMED_RESPONSE,
                "/protocol/" + slug + ": " + line,
                endpoints.cexPage(slug),
                null));
      }
      if (!protocol.tokensUsd().isEmpty() && snapshot.stablecoins().failure() != null) {
        sink.problem(snapshot.stablecoins().failure());
      }
    }
    BigDecimal clean = addSnapshot(snapshot, sink);
    List<Findings> parts = new ArrayList<>();
    parts.add(sink.findings());
    if (protocol != null) {
      parts.add(composer.map(snapshot));
      parts.add(trend(snapshot));
    }
    parts.add(flows.map(snapshot, clean));
    return Findings.concat(parts);
  }

  /** Adds the reserve snapshot; returns the clean assets it used (or null). */
  private BigDecimal addSnapshot(DefiLlamaSnapshot snapshot, EvidenceSink sink) {
    ProtocolSummary protocol = snapshot.protocol();
    CexRow row = snapshot.row();
    AsOf time = snapshot.time();
    String slug = snapshot.slug();
    BigDecimal breakdownOwn =
        protocol == null || !snapshot.ownTokensKnown()
            ? null
            : ReserveMath.ownTokenUsd(protocol.tokensUsd(), snapshot.ownTokens());
    String ownNote =
        snapshot.ownTokens().isEmpty()
            ? (row != null
                ? "no own token listed by DeFiLlama or the catalogue"
                : "own tokens unknown")
            : "own tokens " + String.join(", ", snapshot.ownTokens()) + " (and W-wrapped forms)";
    if (!time.past() && row != null && row.currentTvl() != null) {
      BigDecimal total = row.currentTvl();
      BigDecimal clean = row.cleanAssetsTvl();
      BigDecimal own = breakdownOwn;
      String ownSource =
          "valued from the token breakdown of "
              + AsOf.day(protocol == null ? null : protocol.tokensDate());
      if (own == null && clean != null && total.compareTo(clean) >= 0) {
        own = total.subtract(clean);
        ownSource = "taken as currentTvl minus cleanAssetsTvl";
      }
      BigDecimal ownUsd = own;
      sink.add(
          () -> new ReserveSnapshot(total, clean, ownUsd, true),
          sink.provenance(
              endpoints.cexPage(slug),
              "DeFiLlama CEX transparency: " + row.name(),
              time.retrievedAt(),
              SNAPSHOT_STALE_AFTER,
              "currentTvl and cleanAssetsTvl from /cexs, which carries no timestamp (latest"
                  + " hourly record of the last 24 h); "
                  + ownNote
                  + (ownUsd == null ? "" : ", " + ownSource)));
      return clean;
    }
    if (protocol != null && protocol.latestTotalUsd() != null) {
      BigDecimal total = protocol.latestTotalUsd();
      BigDecimal clean =
          breakdownOwn != null && total.compareTo(breakdownOwn) >= 0
              ? total.subtract(breakdownOwn)
              : null;
      sink.add(
          () -> new ReserveSnapshot(total, clean, breakdownOwn, true),
          sink.provenance(
              endpoints.cexPage(slug),
              "DeFiLlama CEX transparency: " + snapshot.name(),
              protocol.latestDate(),
              SNAPSHOT_STALE_AFTER,
              (time.past()
                      ? "total of "
                          + AsOf.day(protocol.latestDate())
                          + " in the history of /protocol/"
                          + slug
                          + ", the last point on or before as-of "
                          + time.day()
                      : "latest total of /protocol/"
                          + slug
                          + (row == null ? " (no /cexs figures)" : " (/cexs has no currentTvl)"))
                  + "; "
                  + ownNote
                  + " valued from the token breakdown"));
      return clean;
    }
    return null;
  }

  private Findings trend(DefiLlamaSnapshot snapshot) {
    List<ProtocolSummary.TvlPoint> history = snapshot.protocol().history();
    ReserveTrend trend = ReserveMath.trend(history);
    if (trend == null) {
      return Findings.NONE;
    }
    String slug = snapshot.slug();
    Instant from = history.get(0).date();
    Instant to = history.get(history.size() - 1).date();
    EvidenceSink sink = EvidenceSink.of(snapshot);
    sink.add(
        () -> trend,
        sink.provenance(
            endpoints.cexPage(slug),
            "DeFiLlama CEX transparency: " + snapshot.name(),
            to,
            TREND_STALE_AFTER,
            "from "
                + history.size()
                + " points of the total-assets history of /protocol/"
                + slug
                + ", "
                + AsOf.day(from)
                + " to "
                + AsOf.day(to)
                + " (price moves included)"));
    return sink.findings();
  }
}
