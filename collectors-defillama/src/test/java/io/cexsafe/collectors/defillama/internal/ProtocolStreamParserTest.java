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

  static ProtocolSummary parse(String json) throws IOException, SourceException {
    try (JsonParser parser =
        Payloads.FACTORY.createParser(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
      return ProtocolStreamParser.parse(parser, MONTH, "test");
    }
  }
}
