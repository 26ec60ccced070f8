package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.ENDPOINTS;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.IN_THE_PAST;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.NOW;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.summary;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveSnapshot;
import io.cexsafe.facts.ReserveTrend;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReserveEvidenceTest {
  private static final Problem NOT_FOUND =
      new Problem(ReasonCode.NOT_LISTED, "no protocol", "https://api.llama.fi/protocol/x", null);
  private final ReserveEvidence reserves = new ReserveEvidence(ENDPOINTS, 5);

  @Test
  void todayTheListsFiguresMakeTheSnapshotAndTheHistoryTheMixAndTrend() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.protocol(ProtocolRead.read(summary(tokens("BTC", 700, "BNB", 300), new BigDecimal("1000"))));
    f.stablecoins = Fetched.of(new Stablecoins(Set.of("USDT")));
    Findings findings = reserves.map(f.build());

    assertThat(findings.problems()).isEmpty();
    assertThat(findings.evidence())
        .extracting(e -> (Object) e.fact().getClass())
        .containsExactly(ReserveSnapshot.class, ReserveComposition.class, ReserveTrend.class);
    var snapshot = findings.evidence().get(0);
    assertThat(snapshot.fact())
        .isEqualTo(
            new ReserveSnapshot(
                new BigDecimal("1000"), new BigDecimal("800"), new BigDecimal("300"), true));
    assertThat(snapshot.provenance().observedAt()).isEqualTo(NOW);
    assertThat(snapshot.provenance().note())
        .endsWith(
            "own tokens BNB (and W-wrapped forms), valued from the token breakdown of 2026-11-21");
  }

  @Test
  void inThePastOnlyTheHistoryCounts() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.time = IN_THE_PAST;
    ProtocolSummary history = summary(tokens("BTC", 900, "BNB", 100), new BigDecimal("1000"));
    f.protocol(ProtocolRead.read(history));
    Findings findings = reserves.map(f.build());
    ReserveSnapshot snapshot = (ReserveSnapshot) findings.evidence().get(0).fact();
    assertThat(snapshot.cleanAssetsUsd()).isEqualByComparingTo("900"); // not /cexs's 800
    assertThat(findings.evidence().get(0).provenance().observedAt())
        .isEqualTo(history.latestDate());
    assertThat(findings.evidence().get(0).provenance().note())
        .startsWith(
            "total of 2026-11-21 in the history of /protocol/binance-cex, the last point"
                + " on or before as-of 2026-11-01");
  }

  @Test
  void unrepresentableHistoryValuesAndAMissingStablecoinListAreProblems() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    ProtocolSummary base = summary(tokens("BTC", 1), BigDecimal.ONE);
    ProtocolSummary flawed =
        new ProtocolSummary(
            base.id(),
            base.name(),
            base.latestDate(),
            base.latestTotalUsd(),
            base.tokensDate(),
            base.tokensUsd(),
            base.chainsDate(),
            base.chainsUsd(),
            base.history(),
            null,
            null,
            base.firstDate(),
            List.of("a token value 1e999999"));
    f.protocol(ProtocolRead.read(flawed));
    f.stablecoins =
        Fetched.failed(new SourceException(ReasonCode.TIMEOUT, "stable slow", "https://s/x"));
    Findings findings = reserves.map(f.build());
    assertThat(findings.problems())
        .extracting(Problem::message)
        .containsExactly("/protocol/binance-cex: a token value 1e999999", "stable slow");
    assertThat(findings.evidence()).hasSize(3);
  }

  @Test
  void anUnknownProtocolIsNotTrackedAndAFailedOneLeavesTheListsFigures() {
    SnapshotFixture missing =
        SnapshotFixture.listedBinance().protocol(ProtocolRead.missing(NOT_FOUND));
    Findings none = reserves.map(missing.build());
    assertThat(none.notTracked()).containsExactly(NOT_FOUND);
    assertThat(none.evidence()).isEmpty();

    Problem timeout = new Problem(ReasonCode.TIMEOUT, "slow", "https://a/protocol/x", null);
    SnapshotFixture failed =
        SnapshotFixture.listedBinance().protocol(ProtocolRead.unusable(timeout));
    Findings partial = reserves.map(failed.build());
    assertThat(partial.problems()).containsExactly(timeout);
    assertThat(partial.evidence())
        .extracting(e -> (Object) e.fact().getClass())
        .containsExactly(ReserveSnapshot.class); // from /cexs; no breakdown, no trend
  }

  @Test
  void beforeItsHistoryAnExchangeHasNoReservesAndWithoutReadsNothingIsSaid() {
    Problem early = new Problem(ReasonCode.NO_HISTORY, "begins later", "https://a/p", null);
    SnapshotFixture f = SnapshotFixture.listedBinance().protocol(ProtocolRead.beforeHistory(early));
    f.time = IN_THE_PAST;
    Findings findings = reserves.map(f.build());
    assertThat(findings.problems()).containsExactly(early);
    assertThat(findings.evidence()).isEmpty();

    SnapshotFixture untracked = new SnapshotFixture();
    assertThat(reserves.map(untracked.build())).isEqualTo(Findings.NONE);
  }

  @Test
  void aTotalTheFactRefusesLosesOnlyTheSnapshot() {
    SnapshotFixture f = SnapshotFixture.listedBinance();
    f.row = SnapshotFixture.row("Binance", "Binance-CEX", new BigDecimal("-1"), null);
    f.cexs = Fetched.of(new CexList(List.of(f.row)));
    f.protocol(ProtocolRead.read(summary(Map.of(), new BigDecimal("1000"))));
    Findings findings = reserves.map(f.build());
    assertThat(findings.problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).startsWith("DeFiLlama gave a value cexsafe cannot"));
    assertThat(findings.evidence())
        .extracting(e -> (Object) e.fact().getClass())
        .containsExactly(ReserveComposition.class, ReserveTrend.class);
  }
}
