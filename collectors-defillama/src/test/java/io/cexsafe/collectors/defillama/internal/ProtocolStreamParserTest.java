package io.cexsafe.collectors.defillama.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProtocolStreamParserTest {
  private static final Duration MONTH = Duration.ofDays(30);

  @Test
  void keepsTheLatestBreakdownsAndTheRecentHistory() throws Exception {
    ProtocolSummary summary = parse(Fixtures.fixture("defillama/protocol-crypto-com.json"));

    assertThat(summary.id()).isEqualTo("2270");
    assertThat(summary.name()).isEqualTo("Crypto-com");
    assertThat(summary.latestDate()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
    assertThat(summary.latestTotalUsd()).isEqualByComparingTo("4200000000");
    assertThat(summary.tokensDate()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
    assertThat(summary.tokensUsd())
        .containsOnlyKeys(
            "BTC", "ETH", "WETH", "USDT", "USDC", "SHIB", "CRO", "WCRO", "DOGE", "DUST");
    assertThat(summary.tokensUsd().get("CRO")).isEqualByComparingTo("600000000");
    assertThat(summary.tokensUsd().get("DUST")).isEqualByComparingTo(new BigDecimal("7.5E-9"));
    assertThat(summary.chainsUsd()).containsOnlyKeys("Bitcoin", "Ethereum", "Cronos");
    assertThat(summary.history()).hasSize(32);
    assertThat(summary.history().get(0).date()).isEqualTo(Instant.parse("2026-10-22T00:00:00Z"));
    assertThat(summary.history().get(0).usd()).isEqualTo(4.0e9);
    assertThat(summary.serverMessage()).isNull();
  }

  @Test
  void aggregatesMayComeBeforeOrAfterTheChainsAndDatesInAnyForm() throws Exception {
    String chains =
        "\"chainTvls\":{\"Ethereum\":{\"tvl\":[{\"totalLiquidityUSD\":5,\"date\":1700000000}],"
            + "\"tokensInUsd\":[{\"tokens\":{\"ETH\":5},\"date\":1700000000}]},"
            + "\"borrowed\":{\"tvl\":[{\"date\":1700000000,\"totalLiquidityUSD\":99}]}}";
    String aggregates =
        "\"tvl\":[{\"date\":\"1699913600\",\"totalLiquidityUSD\":4},"
            + "{\"date\":1700000000000,\"totalLiquidityUSD\":5.5e0}],"
            + "\"tokensInUsd\":[{\"date\":1700000000,\"tokens\":{\"eth\":3,\"usdt\":2.5,"
            + "\"NIL\":null,\"OBJ\":{\"x\":1}}}]";

    for (String json :
        new String[] {
          "{" + chains + "," + aggregates + "}", "{" + aggregates + "," + chains + "}"
        }) {
      ProtocolSummary summary = parse(json);
      assertThat(summary.latestDate()).isEqualTo(Instant.ofEpochSecond(1700000000));
      assertThat(summary.latestTotalUsd()).isEqualByComparingTo("5.5");
      assertThat(summary.tokensUsd()).containsOnlyKeys("ETH", "USDT");
      assertThat(summary.tokensUsd().get("USDT")).isEqualByComparingTo("2.5");
      assertThat(summary.chainsUsd()).containsOnlyKeys("Ethereum");
      assertThat(summary.history()).hasSize(2);
    }
  }

  @Test
  void theLatestEntryWinsEvenOutOfOrder() throws Exception {
    ProtocolSummary summary =
        parse(
            "{\"tokensInUsd\":[{\"date\":20,\"tokens\":{\"A\":2}},"
                + "{\"date\":30,\"tokens\":{\"A\":3}},{\"date\":10,\"tokens\":{\"A\":1}}],"
                + "\"tvl\":[{\"date\":30,\"totalLiquidityUSD\":3},"
                + "{\"date\":10,\"totalLiquidityUSD\":1}]}");
    assertThat(summary.tokensUsd().get("A")).isEqualByComparingTo("3");
    assertThat(summary.latestTotalUsd()).isEqualByComparingTo("3");
    assertThat(summary.history()).extracting(p -> p.usd()).containsExactly(1.0, 3.0);
  }

  @Test
  void aServerMessageInsteadOfDataIsKept() throws Exception {
    ProtocolSummary summary = parse("{\"message\":\"Protocol not found\"}");
    assertThat(summary.hasData()).isFalse();
    assertThat(summary.serverMessage()).isEqualTo("Protocol not found");
  }

  @Test
  void truncatedOrBrokenJsonFails() {
    String fixture = Fixtures.fixture("defillama/protocol-crypto-com.json");
    assertThatThrownBy(() -> parse(fixture.substring(0, fixture.length() / 2)))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> parse("{\"tvl\":[{\"date\":1,}]}"))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void somethingOtherThanOneObjectFails() {
    assertThatThrownBy(() -> parse("[]"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE));
    assertThatThrownBy(() -> parse("{} {}"))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.getMessage()).contains("after its end"));
  }

  @Test
  void nonChainKeysAreRecognised() {
    assertThat(ProtocolStreamParser.isChain("Ethereum")).isTrue();
    assertThat(ProtocolStreamParser.isChain("Ethereum-staking")).isFalse();
    assertThat(ProtocolStreamParser.isChain("pool2")).isFalse();
    assertThat(ProtocolStreamParser.isChain("Borrowed")).isFalse();
  }

  // ---- as of a date ----------------------------------------------------------------------

  private static final String DATED =
      "{\"tvl\":[{\"date\":86400,\"totalLiquidityUSD\":1},{\"date\":172800,\"totalLiquidityUSD\":2},"
          + "{\"date\":259200,\"totalLiquidityUSD\":3},{\"date\":345600,\"totalLiquidityUSD\":4}],"
          + "\"tokensInUsd\":[{\"date\":86400,\"tokens\":{\"A\":1}},"
          + "{\"date\":172800,\"tokens\":{\"A\":2}},{\"date\":345600,\"tokens\":{\"A\":4}}],"
          + "\"chainTvls\":{\"X\":{\"tvl\":[{\"date\":172800,\"totalLiquidityUSD\":2},"
          + "{\"date\":345600,\"totalLiquidityUSD\":4}]}},"
          + "\"currentChainTvls\":{\"Today\":4}}";

  @Test
  void asOfADateTheLastPointsOnOrBeforeItAreRead() throws Exception {
    // 2.5 days in: the totals' point of day 2, the tokens' point of day 2, chains from their series
    ProtocolSummary summary = parse(DATED, Instant.ofEpochSecond(216_000));
    assertThat(summary.latestDate()).isEqualTo(Instant.ofEpochSecond(172_800));
    assertThat(summary.latestTotalUsd()).isEqualByComparingTo("2");
    assertThat(summary.tokensDate()).isEqualTo(Instant.ofEpochSecond(172_800));
    assertThat(summary.tokensUsd().get("A")).isEqualByComparingTo("2");
    assertThat(summary.chainsUsd()).containsOnlyKeys("X");
    assertThat(summary.chainsUsd().get("X")).isEqualByComparingTo("2");
    assertThat(summary.history()).extracting(p -> p.usd()).containsExactly(1.0, 2.0);
    assertThat(summary.firstDate()).isEqualTo(Instant.ofEpochSecond(86_400));
    assertThat(summary.startsAfterAsOf()).isFalse();

    // exactly at a point's date: that point
    assertThat(parse(DATED, Instant.ofEpochSecond(259_200)).latestTotalUsd())
        .isEqualByComparingTo("3");
    // a point without tokens: the last breakdown before it
    assertThat(parse(DATED, Instant.ofEpochSecond(259_200)).tokensUsd().get("A"))
        .isEqualByComparingTo("2");
    // without as-of: the latest, and today's currentChainTvls
    ProtocolSummary latest = parse(DATED);
    assertThat(latest.latestTotalUsd()).isEqualByComparingTo("4");
    assertThat(latest.chainsUsd()).containsOnlyKeys("Today");
    assertThat(latest.asOf()).isNull();
  }

  @Test
  void asOfBeforeTheFirstPointThereIsNoDataAndTheAnswerSaysWhenItBegins() throws Exception {
    ProtocolSummary summary = parse(DATED, Instant.ofEpochSecond(3_600));
    assertThat(summary.hasData()).isFalse();
    assertThat(summary.startsAfterAsOf()).isTrue();
    assertThat(summary.firstDate()).isEqualTo(Instant.ofEpochSecond(86_400));
    assertThat(summary.history()).isEmpty();
    // an answer with no history at all is no "begins later"
    assertThat(parse("{\"tvl\":[]}", Instant.ofEpochSecond(3_600)).startsAfterAsOf()).isFalse();
  }

  @Test
  void theTrendWindowEndsAtAsOf() throws Exception {
    StringBuilder tvl = new StringBuilder();
    for (int day = 1; day <= 100; day++) {
      tvl.append(day == 1 ? "" : ",")
          .append("{\"date\":")
          .append(day * 86_400L)
          .append(",\"totalLiquidityUSD\":")
          .append(day)
          .append("}");
    }
    ProtocolSummary summary = parse("{\"tvl\":[" + tvl + "]}", Instant.ofEpochSecond(50 * 86_400L));
    assertThat(summary.history()).hasSize(31);
    assertThat(summary.history().get(0).usd()).isEqualTo(20.0);
    assertThat(summary.history().get(30).usd()).isEqualTo(50.0);
  }

  // ---- values that cannot be represented ---------------------------------------------------

  @Test
  void anUnrepresentableTotalDropsThatPointWithANote() throws Exception {
    for (String bad : new String[] {"1e999999", "NaN", "Infinity", "9".repeat(400), "1e-999999"}) {
      ProtocolSummary summary =
          parse(
              "{\"tvl\":[{\"date\":86400,\"totalLiquidityUSD\":1},"
                  + "{\"date\":172800,\"totalLiquidityUSD\":"
                  + bad
                  + "}]}");
      assertThat(summary.latestTotalUsd()).as(bad).isEqualByComparingTo("1");
      assertThat(summary.latestDate()).isEqualTo(Instant.ofEpochSecond(86_400));
      assertThat(summary.history()).hasSize(1);
      assertThat(summary.unrepresentable())
          .as(bad)
          .singleElement()
          .asString()
          .contains("1 point of the totals history", "1970-01-03T00:00:00Z");
    }
  }

  @Test
  void totalsWrittenWithAnExponentAreKeptOrDroppedAsTheirValueDecides() throws Exception {
    // kept: within Values' orders of magnitude, however they are written
    for (String fine :
        new String[] {"1.0084147098480792E9", "7.7e10", "1.5E17", "-2.5E-27", "0E5"}) {
      ProtocolSummary summary =
          parse("{\"tvl\":[{\"date\":86400,\"totalLiquidityUSD\":" + fine + "}]}");
      assertThat(summary.unrepresentable()).as(fine).isEmpty();
      assertThat(summary.latestTotalUsd()).as(fine).isEqualByComparingTo(new BigDecimal(fine));
    }
    // dropped: beyond them, at the edges too
    for (String bad : new String[] {"1E18", "9.99E18", "1.0E-32", "1" + "0".repeat(45) + "E-30"}) {
      ProtocolSummary summary =
          parse(
              "{\"tvl\":[{\"date\":86400,\"totalLiquidityUSD\":1},"
                  + "{\"date\":172800,\"totalLiquidityUSD\":"
                  + bad
                  + "}]}");
      assertThat(summary.latestTotalUsd()).as(bad).isEqualByComparingTo("1");
      assertThat(summary.unrepresentable()).as(bad).hasSize(1);
    }
  }

  @Test
  void anUnrepresentableTokenValueDropsTheBreakdownNotTheTotals() throws Exception {
    for (String bad : new String[] {"1e999999", "NaN", "-Infinity", "1" + "0".repeat(399)}) {
      ProtocolSummary summary =
          parse(
              "{\"tvl\":[{\"date\":86400,\"totalLiquidityUSD\":10}],"
                  + "\"tokensInUsd\":[{\"date\":86400,\"tokens\":{\"A\":4,\"B\":"
                  + bad
                  + "}}]}");
      assertThat(summary.latestTotalUsd()).as(bad).isEqualByComparingTo("10");
      assertThat(summary.tokensUsd()).as(bad).isEmpty();
      assertThat(summary.tokensDate()).isNull();
      assertThat(summary.unrepresentable())
          .singleElement()
          .asString()
          .contains("token breakdown", "B ");
    }
  }

  @Test
  void anUnrepresentableCurrentChainValueFallsBackToTheChainSeries() throws Exception {
    ProtocolSummary summary =
        parse(
            "{\"chainTvls\":{\"X\":{\"tvl\":[{\"date\":86400,\"totalLiquidityUSD\":3}]}},"
                + "\"currentChainTvls\":{\"X\":3,\"Y\":1e999999}}");
    assertThat(summary.chainsUsd()).containsOnlyKeys("X");
    assertThat(summary.unrepresentable()).singleElement().asString().contains("Y 1e999999");
  }

  @Test
  void datesThatCannotBeRepresentedAreSkippedNotThrown() throws Exception {
    ProtocolSummary summary =
        parse(
            "{\"tvl\":[{\"date\":1e9999999999,\"totalLiquidityUSD\":5},"
                + "{\"date\":\"1e999999\",\"totalLiquidityUSD\":6},"
                + "{\"date\":86400,\"totalLiquidityUSD\":1}],"
                + "\"tokensInUsd\":[{\"date\":1e9999999999,\"tokens\":{\"A\":1}}]}");
    assertThat(summary.latestTotalUsd()).isEqualByComparingTo("1");
    assertThat(summary.history()).hasSize(1);
    assertThat(summary.tokensUsd()).isEmpty();
  }

  static ProtocolSummary parse(String json, Instant asOf) throws IOException, SourceException {
    try (JsonParser parser =
        Payloads.FACTORY.createParser(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
      return ProtocolStreamParser.parse(parser, MONTH, asOf, "test");
    }
  }

  static ProtocolSummary parse(String json) throws IOException, SourceException {
    try (JsonParser parser =
        Payloads.FACTORY.createParser(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
      return ProtocolStreamParser.parse(parser, MONTH, "test");
    }
  }

  @Test
  void datedPointsArriveInOrderAndLeaveTheSummaryAsItWas() throws Exception {
    String json = Fixtures.fixture("defillama/protocol-crypto-com.json");
    java.util.List<Instant> totals = new java.util.ArrayList<>();
    java.util.List<Instant> breakdowns = new java.util.ArrayList<>();
    ProtocolStreamParser.DatedPoints dated =
        new ProtocolStreamParser.DatedPoints() {
          @Override
          public void total(Instant date, BigDecimal usd) {
            assertThat(usd.signum()).isPositive();
            totals.add(date);
          }

          @Override
          public void tokens(Instant date, java.util.Map<String, BigDecimal> usdBySymbol) {
            assertThat(usdBySymbol).isNotEmpty();
            breakdowns.add(date);
          }
        };
    ProtocolSummary withDated;
    try (com.fasterxml.jackson.core.JsonParser parser = Payloads.FACTORY.createParser(json)) {
      withDated = ProtocolStreamParser.parse(parser, MONTH, "test", dated);
    }
    assertThat(withDated).isEqualTo(parse(json));
    assertThat(totals).isNotEmpty().isSorted();
    assertThat(totals.get(totals.size() - 1)).isEqualTo(withDated.latestDate());
    assertThat(breakdowns).isNotEmpty();
    assertThat(breakdowns.get(breakdowns.size() - 1)).isEqualTo(withDated.tokensDate());
  }
}
