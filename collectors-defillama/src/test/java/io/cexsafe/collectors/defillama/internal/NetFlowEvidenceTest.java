package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.ENDPOINTS;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.IN_THE_PAST;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.NOW;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.PAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.collectors.defillama.internal.DefiLlamaSnapshot.FlowRead;
import io.cexsafe.facts.NetFlow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetFlowEvidenceTest {
  private final NetFlowEvidence flows = new NetFlowEvidence(ENDPOINTS);

  private static SnapshotFixture withListedFlows() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.row =
        new CexRow(
            "Binance",
            "Binance-CEX",
            "BNB",
            List.of(),
            null,
            null,
            null,
            null,
            new BigDecimal("1000"),
            new BigDecimal("800"),
            new BigDecimal("-200"),
            new BigDecimal("100"),
            new BigDecimal("800"),
            List.of());
    f.cexs = Fetched.of(new CexList(List.of(f.row)));
    return f;
  }

  @Test
  void listedFlowsAreSharesOfTheCleanAssetsAtTheWindowsStart() {
    Findings findings = flows.map(withListedFlows().build(), new BigDecimal("800"));
    assertThat(findings.problems()).isEmpty();
    assertThat(findings.evidence()).hasSize(3);
    NetFlow day = (NetFlow) findings.evidence().get(0).fact();
    assertThat(day.windowHours()).isEqualTo(24);
    assertThat(day.shareOfReserves()).isCloseTo(-0.2, within(1e-12)); // -200 / (800 + 200)
    assertThat(findings.evidence().get(0).provenance().observedAt()).isEqualTo(NOW);
    assertThat(findings.evidence().get(0).provenance().note())
        .isEqualTo(
            "inflows_24h from /cexs, which carries no timestamp; share of start-of-window clean"
                + " assets (clean assets minus the flow)");
    // the month's inflow is all the clean assets: no positive base, so no share
    assertThat(((NetFlow) findings.evidence().get(2).fact()).shareOfReserves()).isNull();
  }

  @Test
  void fetchedFlowsAreDatedByTheirSnapshotsOrTheAsOf() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.time = IN_THE_PAST;
    Instant end = PAST.minusSeconds(600);
    f.flows.add(
        new FlowRead(24, Fetched.of(new Inflow(BigDecimal.TEN, end.minusSeconds(86_400), end))));
    f.flows.add(new FlowRead(168, Fetched.of(new Inflow(BigDecimal.ONE, null, null))));
    Findings findings = flows.map(f.build(), null);
    assertThat(findings.evidence()).hasSize(2);
    var day = findings.evidence().get(0);
    assertThat(day.provenance().observedAt()).isEqualTo(end);
    assertThat(day.provenance().note())
        .isEqualTo(
            "from /inflows (field \"outflows\", a signed net inflow), snapshots 2026-10-30 to"
                + " 2026-10-31, excluding BNB; share unknown (no clean-asset figure)");
    assertThat(findings.evidence().get(1).provenance().observedAt()).isEqualTo(PAST);
    assertThat(findings.evidence().get(1).provenance().note())
        .startsWith(
            "from /inflows (field \"outflows\", a signed net inflow), snapshots an unknown"
                + " date to an unknown date");
  }

  @Test
  void aFailedWindowIsAProblemAndTheOthersStay() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.flows.add(
        new FlowRead(
            24, Fetched.failed(new SourceException(ReasonCode.TIMEOUT, "slow", "https://i"))));
    f.flows.add(new FlowRead(720, Fetched.of(new Inflow(BigDecimal.ONE, NOW, NOW))));
    Findings findings = flows.map(f.build(), new BigDecimal("800"));
    assertThat(findings.problems()).extracting(Problem::message).containsExactly("slow");
    assertThat(findings.evidence())
        .singleElement()
        .satisfies(e -> assertThat(((NetFlow) e.fact()).windowHours()).isEqualTo(720));
  }
}
