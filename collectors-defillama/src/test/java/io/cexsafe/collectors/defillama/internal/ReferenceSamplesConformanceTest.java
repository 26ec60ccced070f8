package io.cexsafe.collectors.defillama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.ExchangeCatalog;
import io.cexsafe.http.FetchResponse;
import io.cexsafe.testing.Fixtures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads the third-party reference samples (never copied into the repository) when {@code
 * -Dcexsafe.reference} points at them; skipped otherwise.
 */
class ReferenceSamplesConformanceTest {
  private static FetchResponse sample(String name) throws Exception {
    Path file = Fixtures.requireReferenceSamples().resolve("defillama").resolve(name);
    return new FetchResponse(
        200,
        URI.create("https://api.llama.fi/sample"),
        Map.of("Content-Type", List.of("application/json")),
        Files.readAllBytes(file),
        false);
  }

  @Test
  void theStaticCexListMatchesTheCatalogue() throws Exception {
    CexList list = CexList.parse(sample("cexs_static-part_DERIVED-from-source.json"));
    ExchangeCatalog catalog = ExchangeCatalog.bundled();

    CexRow binance = list.find(catalog.get("binance"), "binance-cex").orElseThrow();
    assertThat(binance.slug()).isEqualTo("binance-cex");
    assertThat(binance.rawSlug()).isEqualTo("Binance-CEX");
    assertThat(binance.currentTvl()).isNull();
    CexRow bybit = list.find(catalog.get("bybit"), "bybit").orElseThrow();
    assertThat(bybit.coinSymbol()).isEqualTo("BIT");
    assertThat(bybit.ownTokens()).containsExactly("MNT");
    CexRow cryptoCom = list.find(catalog.get("crypto-com"), "crypto-com").orElseThrow();
    assertThat(cryptoCom.name()).isEqualTo("Crypto.com");
    CexRow coinbase = list.find(catalog.get("coinbase"), null).orElseThrow();
    assertThat(coinbase.tracked()).isFalse();
    assertThat(coinbase.auditor()).isEqualTo("Deloitte");
    assertThat(coinbase.lastAuditDate()).isEqualTo(Instant.parse("2021-12-31T00:00:00Z"));
    CexRow kraken = list.find(catalog.get("kraken"), "kraken").orElseThrow();
    assertThat(kraken.walletsLink()).isNull();
  }

  @Test
  void hackSamplesParse() throws Exception {
    List<Hack> documented = Hack.parseList(sample("hacks_openapi-example.json"));
    assertThat(documented).singleElement().satisfies(h -> assertThat(h.targetsCex()).isFalse());
    List<Hack> quoted =
        Hack.parseList(sample("hacks_items_quoted-by-third-parties_UNVERIFIED.json"));
    assertThat(quoted).hasSize(2).allSatisfy(h -> assertThat(h.date()).isNotNull());
    assertThat(quoted.get(0).defillamaId()).isEqualTo("234");
    assertThat(quoted.get(0).returnedFunds()).isNull();
  }

  @Test
  void theInflowsSampleIsASignedNetInflow() throws Exception {
    Inflow inflow =
        Inflow.parse(sample("inflows_compound-v3_openapi-example.json"), "sample", "sample");
    assertThat(inflow.netUsd()).isEqualByComparingTo("-160563462.23474675");
    assertThat(inflow.startDate()).isEqualTo(Instant.ofEpochSecond(1700005031));
    assertThat(inflow.endDate()).isEqualTo(Instant.ofEpochSecond(1752771743));
  }
}
