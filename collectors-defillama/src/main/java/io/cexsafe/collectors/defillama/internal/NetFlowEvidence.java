package io.cexsafe.collectors.defillama.internal;

import io.cexsafe.collectors.defillama.internal.DefiLlamaSnapshot.FlowRead;
import io.cexsafe.facts.NetFlow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Set;

/**
 * Net flows over 24 hours, a week and a month: from {@code /cexs} when it has them (today only),
 * else from the {@code /inflows} reads of the snapshot, whose windows end at a past run's as-of.
 */
final class NetFlowEvidence {
  private final Endpoints endpoints;

  NetFlowEvidence(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /**
   * @param clean the clean assets of the reserve snapshot, or null: the base of each flow's share
   */
  Findings map(DefiLlamaSnapshot snapshot, BigDecimal clean) {
    EvidenceSink sink = EvidenceSink.of(snapshot);
    for (int hours : DefiLlamaSnapshot.FLOW_WINDOWS) {
      BigDecimal listed = DefiLlamaSnapshot.listedFlow(snapshot.row(), snapshot.time(), hours);
      if (listed != null) {
        add(
            sink,
            snapshot,
            hours,
            listed,
            clean,
            snapshot.time().retrievedAt(),
            "inflows_"
                + (hours == 24 ? "24h" : hours == 168 ? "1w" : "1m")
                + " from /cexs, which carries no timestamp");
      } else {
        for (FlowRead flow : snapshot.reserves().flows()) {
          if (flow.hours() == hours) {
            addFetched(sink, snapshot, flow, clean);
          }
        }
      }
    }
    return sink.findings();
  }

  private void addFetched(
      EvidenceSink sink, DefiLlamaSnapshot snapshot, FlowRead flow, BigDecimal clean) {
    if (flow.inflow().failure() != null) {
      sink.problem(flow.inflow().failure());
      return;
    }
    Inflow inflow = flow.inflow().value();
    if (inflow == null) {
      return;
    }
    Set<String> own = snapshot.ownTokens();
    add(
        sink,
        snapshot,
        flow.hours(),
        inflow.netUsd(),
        clean,
        inflow.endDate() != null ? inflow.endDate() : snapshot.time().undated(),
        "from /inflows (field \"outflows\", a signed net inflow), snapshots "
            + AsOf.day(inflow.startDate())
            + " to "
            + AsOf.day(inflow.endDate())
            + (own.isEmpty() ? "" : ", excluding " + String.join(", ", own)));
  }

  private void add(
      EvidenceSink sink,
      DefiLlamaSnapshot snapshot,
      int hours,
      BigDecimal net,
      BigDecimal clean,
      Instant observed,
      String note) {
    // DeFiLlama values flows at current prices, so clean assets minus the flow are the holdings
    // at the window's start at today's prices: a base free of price moves.
    Double share = null;
    if (clean != null) {
      BigDecimal base = clean.subtract(net);
      if (base.signum() > 0) {
        share = net.divide(base, MathContext.DECIMAL64).doubleValue();
      }
    }
    Double shareOfReserves = share;
    sink.add(
        () -> new NetFlow(hours, net, shareOfReserves),
        sink.provenance(
            endpoints.cexPage(snapshot.slug()),
            "DeFiLlama CEX transparency: " + snapshot.name(),
            observed,
            ReserveEvidence.SNAPSHOT_STALE_AFTER,
            note
                + (shareOfReserves == null
                    ? "; share unknown (no clean-asset figure)"
                    : "; share of start-of-window clean assets (clean assets minus the flow)")));
  }
}
