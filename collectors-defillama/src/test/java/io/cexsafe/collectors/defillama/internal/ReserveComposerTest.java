package io.cexsafe.collectors.defillama.internal;

import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.ENDPOINTS;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.IN_THE_PAST;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.summary;
import static io.cexsafe.collectors.defillama.internal.SnapshotFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.ReserveComposition;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReserveComposerTest {
  private final ReserveComposer composer = new ReserveComposer(ENDPOINTS, 2);

  private static SnapshotFixture binanceHolding(Map<String, BigDecimal> tokens) {
    return SnapshotFixture.listedBinance()
        .protocol(ProtocolRead.read(summary(tokens, new BigDecimal("1000"))));
  }

  @Test
  void theMixNamesWhatItMatched() {
    SnapshotFixture f = binanceHolding(tokens("BTC", 500, "USDT", 300, "WBNB", 200));
    f.stablecoins = Fetched.of(new Stablecoins(Set.of("USDT")));
    Findings findings = composer.map(f.build());
    assertThat(findings.problems()).isEmpty();
    var evidence = findings.evidence().get(0);
    ReserveComposition mix = (ReserveComposition) evidence.fact();
    assertThat(mix.ownTokenShare()).isEqualTo(0.2);
    assertThat(mix.stablecoinShare()).isEqualTo(0.3);
    assertThat(mix.topHoldings()).hasSize(2);
    assertThat(evidence.provenance().sourceUrl())
        .isEqualTo(URI.create("https://defillama.com/cex/assets/binance-cex"));
    assertThat(evidence.provenance().note())
        .isEqualTo(
            "shares of the latest token breakdown of /protocol/binance-cex (3 tokens, 1 chains);"
                + " own tokens matched: WBNB; stablecoins matched by symbol: USDT; major = BTC,"
                + " WBTC, BTCB, CBBTC, ETH, WETH and stablecoins");
  }

  @Test
  void withoutTheStablecoinListThoseSharesAreUnknownAndThePastSaysSo() {
    SnapshotFixture f = binanceHolding(tokens("BTC", 1));
    f.time = IN_THE_PAST;
    f.stablecoins = Fetched.failed(new SourceException(ReasonCode.TIMEOUT, "slow", "https://s"));
    var evidence = composer.map(f.build()).evidence().get(0);
    assertThat(((ReserveComposition) evidence.fact()).stablecoinShare()).isNull();
    assertThat(evidence.provenance().note())
        .startsWith("shares of the last token breakdown on or before as-of of /protocol/")
        .endsWith(
            "stablecoin list unavailable, so stablecoin, major and long-tail shares are"
                + " unknown");
  }

  @Test
  void nothingPositiveGivesNoMixAndNoHistoryNothingAtAll() {
    SnapshotFixture f =
        SnapshotFixture.listedBinance()
            .protocol(
                ProtocolRead.read(
                    new ProtocolSummary(
                        "1",
                        "x",
                        null,
                        null,
                        null,
                        tokens("BTC", -5),
                        null,
                        Map.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        List.of())));
    assertThat(composer.map(f.build())).isEqualTo(Findings.NONE);
    Problem failed = new Problem(ReasonCode.TIMEOUT, "slow", "https://p", null);
    assertThat(
            composer.map(
                SnapshotFixture.listedBinance().protocol(ProtocolRead.unusable(failed)).build()))
        .isEqualTo(Findings.NONE);
  }
}
