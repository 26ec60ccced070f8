package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeCatalogTest {
  @TempDir Path dir;

  @Test
  void bundledCatalogueCoversTheMajorExchanges() {
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    assertThat(catalog.all())
        .extracting(Exchange::id)
        .contains("crypto-com", "coinbase", "kraken", "binance", "okx", "bybit", "bitfinex");
    Exchange cdc = catalog.get("crypto-com");
    assertThat(cdc.identifier("defillama.slug")).contains("crypto-com");
    assertThat(cdc.identifiers("fca.frn"))
        .extracting(ExchangeIdentifier::value)
        .containsExactly("941745", "944788");
    assertThat(cdc.identifier("esma.lei")).contains("2549005CVR5HH70FDO07");
    assertThat(cdc.identifier("apple.id")).contains("1262148500");
    assertThat(cdc.identifier("play.package")).contains("co.mona.android");
    assertThat(cdc.ownTokens()).containsExactly("CRO");
    assertThat(catalog.get("coinbase").identifier("defillama.slug"))
        .as("DeFiLlama does not track Coinbase")
        .isEmpty();
  }

  @Test
  void findsByNameOrAliasIgnoringCaseAndPunctuation() {
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    assertThat(catalog.get("Crypto.com").id()).isEqualTo("crypto-com");
    assertThat(catalog.get("CRYPTO-COM").id()).isEqualTo("crypto-com");
    assertThat(catalog.get("Binance CEX").id()).isEqualTo("binance");
    assertThat(catalog.findByIdentifier("defillama.id", "2272")).map(Exchange::id).contains("okx");
  }

  @Test
  void unknownIdListsTheClosestIds() {
    assertThatThrownBy(() -> ExchangeCatalog.bundled().get("krakn"))
        .isInstanceOfSatisfying(
            UnknownExchangeException.class,
            e -> {
              assertThat(e.closestIds()).first().isEqualTo("kraken");
              assertThat(e.getMessage())
                  .contains("unknown exchange 'krakn'")
                  .contains("closest known ids: kraken");
            });
    assertThatThrownBy(() -> ExchangeCatalog.bundled().get("nosuch-exchange"))
        .isInstanceOfSatisfying(
            UnknownExchangeException.class, e -> assertThat(e.closestIds()).hasSize(3));
  }

  @Test
  void userCatalogueExtendsAndReplaces() throws Exception {
    Path file = dir.resolve("mine.json");
    Files.writeString(
        file,
        "{\"exchanges\": ["
            + "{\"id\": \"my-exchange\", \"name\": \"My Exchange\", \"identifiers\": [{\"scheme\": \"apple.id\", \"value\": \"1408914447\"}]},"
            + "{\"id\": \"okx\", \"name\": \"OKX (ours)\"}"
            + "]}");
    ExchangeCatalog catalog = ExchangeCatalog.bundled().extendedWith(ExchangeCatalog.load(file));
    assertThat(catalog.get("my-exchange").identifier("apple.id")).contains("1408914447");
    assertThat(catalog.get("okx").name()).isEqualTo("OKX (ours)");
    assertThat(catalog.size()).isEqualTo(ExchangeCatalog.bundled().size() + 1);
  }

  @Test
  void malformedCatalogueNamesFileAndPath() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"exchanges\": [{\"id\": \"Not Kebab\", \"name\": \"x\"}]}");
    assertThatThrownBy(() -> ExchangeCatalog.load(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo(file.toString());
              assertThat(e.path()).isEqualTo("$.exchanges[0]");
              assertThat(e.problem()).contains("kebab-case");
            });
    Files.writeString(
        file,
        "{\"exchanges\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}");
    assertThatThrownBy(() -> ExchangeCatalog.load(file))
        .hasMessageContaining("$.exchanges[1].id")
        .hasMessageContaining("twice");
    Files.writeString(file, "{\"exchanges\": [");
    assertThatThrownBy(() -> ExchangeCatalog.load(file)).hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> ExchangeCatalog.load(dir.resolve("missing.json")))
        .hasMessageContaining("file not found");
  }
}
