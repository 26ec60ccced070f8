package io.cexsafe.collectors.defillama.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cexsafe.facts.ReserveTrend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReserveMathTest {
  private static final long DAY = 86_400;

  @Test
  void ownTokensIncludeTheirWrappedFormsOnly() {
    assertThat(ReserveMath.isOwnToken("BNB", Set.of("BNB"))).isTrue();
    assertThat(ReserveMath.isOwnToken("WBNB", Set.of("BNB"))).isTrue();
    assertThat(ReserveMath.isOwnToken("BNBX", Set.of("BNB"))).isFalse();
    assertThat(ReserveMath.isOwnToken("W", Set.of(""))).isFalse();
  }

  @Test
  void oneTokenOnOneChainIsFullyConcentrated() {
    var composition =
        ReserveMath.composition(
            Map.of("BTC", BigDecimal.TEN),
            Map.of("Bitcoin", BigDecimal.TEN),
            Set.of(),
            new Stablecoins(Set.of("USDT")),
            10);
    assertThat(composition.fact().tokenHhi()).isEqualTo(1.0);
    assertThat(composition.fact().chainHhi()).isEqualTo(1.0);
    assertThat(composition.fact().majorAssetShare()).isEqualTo(1.0);
    assertThat(composition.fact().longTailShare()).isEqualTo(0.0);
    assertThat(composition.fact().ownTokenShare()).isEqualTo(0.0);
  }

  @Test
  void negativeAndZeroValuesAreLeftOutAndNothingPositiveGivesNothing() {
    Map<String, BigDecimal> tokens = new LinkedHashMap<>();
    tokens.put("A", new BigDecimal("-5"));
    tokens.put("B", BigDecimal.ZERO);
    assertThat(ReserveMath.composition(tokens, Map.of(), Set.of(), null, 10)).isNull();
    tokens.put("C", BigDecimal.ONE);
    var composition = ReserveMath.composition(tokens, Map.of(), null, null, 10);
    assertThat(composition.fact().topHoldings()).hasSize(1);
    assertThat(composition.fact().chainHhi()).isNull();
    assertThat(composition.fact().stablecoinShare()).isNull();
    assertThat(composition.fact().ownTokenShare()).isNull(); // nobody said which tokens are own
  }

  @Test
  void trendNeedsTwoPointsAndAPositiveBase() {
    assertThat(ReserveMath.trend(List.of(point(0, 1)))).isNull();
    assertThat(ReserveMath.trend(List.of(point(0, 0), point(1, 1)))).isNull();
  }

  @Test
  void drawdownIsTheLargestFallFromAPeak() {
    ReserveTrend trend =
        ReserveMath.trend(
            List.of(point(0, 100), point(1, 120), point(2, 60), point(3, 130), point(30, 110)));
    assertThat(trend.windowDays()).isEqualTo(30);
    assertThat(trend.change()).isCloseTo(0.1, within(1e-12));
    assertThat(trend.maxDrawdown()).isCloseTo(0.5, within(1e-12));
  }

  private static ProtocolSummary.TvlPoint point(long day, double usd) {
    return new ProtocolSummary.TvlPoint(Instant.ofEpochSecond(1_700_000_000L + day * DAY), usd);
  }
}
