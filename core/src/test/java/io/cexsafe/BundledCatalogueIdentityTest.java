package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Identity checks over every entry of the bundled catalogue (docs/catalogue.md lists them). */
class BundledCatalogueIdentityTest {
  private static final ExchangeCatalog CATALOG = ExchangeCatalog.bundled();

  private static Stream<ExchangeIdentifier> identifiers() {
    return CATALOG.all().stream().flatMap(e -> e.identifiers().stream());
  }

  @Test
  void coversAtLeastAHundredExchangesAndIsReadOnce() {
    assertThat(CATALOG.size()).isGreaterThanOrEqualTo(100);
    assertThat(ExchangeCatalog.bundled()).isSameAs(CATALOG);
  }

  @Test
  void everyPublishedIdIsStillThereAndEveryIdIsPublished() throws IOException {
    List<String> published = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("catalogue-ids.txt")) {
      assertThat(in).as("catalogue-ids.txt").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          published.add(line.trim());
        }
      }
    }
    List<String> ids = CATALOG.all().stream().map(Exchange::id).toList();
    assertThat(ids).as("published ids are never renamed or removed").containsAll(published);
    assertThat(published).as("new ids are added to catalogue-ids.txt").containsAll(ids);
    assertThat(ids).allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "kebab-case slug");
  }

  @Test
  void everyLeiPassesTheIso17442Checksum() {
    List<String> leis = new ArrayList<>();
    for (Exchange exchange : CATALOG.all()) {
      exchange.entities().stream()
          .map(LegalEntity::lei)
          .filter(lei -> lei != null)
          .forEach(leis::add);
      exchange.identifiers().stream()
          .filter(i -> i.scheme().endsWith(".lei"))
          .map(ExchangeIdentifier::value)
          .forEach(leis::add);
    }
    assertThat(leis).hasSizeGreaterThan(20);
    assertThat(leis).allMatch(IdentifierFormats::isValidLei, "ISO 17442 checksum");
  }

  @Test
  void everyIdentifierHasAKnownSchemeAndPassesItsFormat() {
    List<String> problems = new ArrayList<>();
    identifiers()
        .forEach(
            i -> {
              if (!IdentifierFormats.knownSchemes().contains(i.scheme())) {
                problems.add("scheme without a format check: " + i.scheme());
              } else {
                IdentifierFormats.problem(i).ifPresent(problems::add);
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void entityLeisAgreeWithTheirLeiIdentifiers() {
    for (Exchange exchange : CATALOG.all()) {
      for (ExchangeIdentifier lei : exchange.identifiers("esma.lei")) {
        assertThat(exchange.entities())
            .as(exchange.id() + " esma.lei " + lei.value() + " names an entity with that LEI")
            .anyMatch(e -> e.name().equals(lei.entity()) && lei.value().equals(e.lei()));
      }
    }
  }

  @Test
  void noIdentifierBelongsToTwoExchanges() {
    Map<String, Set<String>> owners = new TreeMap<>();
    for (Exchange exchange : CATALOG.all()) {
      for (ExchangeIdentifier i : exchange.identifiers()) {
        owners
            .computeIfAbsent(
                i.scheme() + " " + i.value().toLowerCase(Locale.ROOT), k -> new TreeSet<>())
            .add(exchange.id());
      }
      for (LegalEntity entity : exchange.entities()) {
        if (entity.lei() != null) {
          owners.computeIfAbsent("lei " + entity.lei(), k -> new TreeSet<>()).add(exchange.id());
        }
      }
    }
    assertThat(owners).allSatisfy((key, ids) -> assertThat(ids).as(key).hasSize(1));
  }

  @Test
  void everyNameAndAliasFindsExactlyOneExchange() {
    Map<String, Set<String>> owners = new TreeMap<>();
    for (Exchange exchange : CATALOG.all()) {
      List<String> names = new ArrayList<>(exchange.aliases());
      names.add(exchange.name());
      names.add(exchange.id());
      for (String name : names) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[\\s._-]+", "");
        owners.computeIfAbsent(key, k -> new TreeSet<>()).add(exchange.id());
      }
    }
    assertThat(owners).allSatisfy((key, ids) -> assertThat(ids).as(key).hasSize(1));
    for (Exchange exchange : CATALOG.all()) {
      assertThat(CATALOG.get(exchange.name()).id()).isEqualTo(exchange.id());
    }
  }

  @Test
  void everyIdentifierAndEntityHasASourceAndADate() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<String> missing = new ArrayList<>();
    for (Exchange exchange : CATALOG.all()) {
      for (ExchangeIdentifier i : exchange.identifiers()) {
        if (!SourceReference.isValid(i.source()) || i.sourcedOn() == null) {
          missing.add(exchange.id() + " " + i.scheme() + " " + i.value());
        } else {
          assertThat(i.sourcedOn()).as(i.scheme() + " " + i.value()).isBeforeOrEqualTo(today);
        }
      }
      for (LegalEntity entity : exchange.entities()) {
        if (!SourceReference.isValid(entity.source()) || entity.sourcedOn() == null) {
          missing.add(exchange.id() + " entity " + entity.name());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void carriedIdentifiersAreOnlyThoseOfThePreviousCatalogue() {
    Set<String> previous =
        Set.of("binance", "bitfinex", "bybit", "coinbase", "crypto-com", "kraken", "okx");
    for (Exchange exchange : CATALOG.all()) {
      boolean carries =
          exchange.identifiers().stream().anyMatch(i -> SourceReference.isCarried(i.source()))
              || exchange.entities().stream().anyMatch(e -> SourceReference.isCarried(e.source()));
      if (carries) {
        assertThat(previous).as(exchange.id() + " carries unsourced data").contains(exchange.id());
      }
    }
  }

  @Test
  void everyDefiLlamaSlugIsLowerCaseAndOwnTokensAreSymbols() {
    identifiers()
        .filter(i -> i.scheme().equals("defillama.slug"))
        .forEach(i -> assertThat(i.value()).isEqualTo(i.value().toLowerCase(Locale.ROOT)));
    CATALOG.all().stream()
        .flatMap(e -> e.ownTokens().stream())
        .forEach(t -> assertThat(t).matches("[A-Z0-9]{2,10}"));
  }

  @Test
  void everyDomainIsTheHostOfTheWebsiteAndAppIdsAreSourced() {
    for (Exchange exchange : CATALOG.all()) {
      List<String> domains =
          exchange.identifiers().stream()
              .filter(i -> i.scheme().equals("web.domain"))
              .map(ExchangeIdentifier::value)
              .toList();
      assertThat(domains).as(exchange.id() + " has at most one web.domain").hasSizeLessThan(2);
      if (!domains.isEmpty()) {
        assertThat(exchange.website()).as(exchange.id() + " website").isNotNull();
        String host = exchange.website().getHost().toLowerCase(Locale.ROOT);
        assertThat(host.startsWith("www.") ? host.substring(4) : host)
            .as(exchange.id() + " web.domain agrees with its website")
            .isEqualTo(domains.get(0));
      }
    }
    identifiers()
        .filter(i -> Set.of("apple.id", "apple.bundle", "play.package").contains(i.scheme()))
        .forEach(
            i -> {
              assertThat(i.source()).as(i.scheme() + " " + i.value() + " source").isNotBlank();
              assertThat(i.sourcedOn()).as(i.scheme() + " " + i.value() + " date").isNotNull();
            });
    assertThat(identifiers().filter(i -> i.scheme().equals("web.domain")).count())
        .as("domains from DeFiLlama's protocol list")
        .isGreaterThanOrEqualTo(81);
  }

  @Test
  void protocolIdsAndDomainsComeFromOneDefiLlamaProtocolBlock() {
    // DeFiLlama's own repository, or a fork's copy of the same file where the index holds a
    // version the upstream entry lacks (ids 7349-7708 of data5.ts)
    String protocolFile =
        "github\\.com/[A-Za-z0-9-]+/defillama-server@[0-9a-f]{40}:defi/src/protocols/data[0-9]*\\.ts";
    for (Exchange exchange : CATALOG.all()) {
      List<ExchangeIdentifier> protocolIds =
          exchange.identifiers().stream().filter(i -> i.scheme().equals("defillama.id")).toList();
      assertThat(protocolIds)
          .as(exchange.id() + " has at most one defillama.id")
          .hasSizeLessThan(2);
      List<ExchangeIdentifier> domains =
          exchange.identifiers().stream().filter(i -> i.scheme().equals("web.domain")).toList();
      for (ExchangeIdentifier domain : domains) {
        assertThat(domain.source())
            .as(exchange.id() + " web.domain cites a DeFiLlama protocol data file")
            .matches(protocolFile);
        assertThat(protocolIds)
            .as(exchange.id() + " web.domain comes with the protocol id of the same block")
            .singleElement()
            .extracting(ExchangeIdentifier::source)
            .isEqualTo(domain.source());
      }
      protocolIds.forEach(
          id ->
              assertThat(id.source())
                  .as(exchange.id() + " defillama.id " + id.value() + " source")
                  .matches(protocolFile));
    }
    assertThat(identifiers().filter(i -> i.scheme().equals("defillama.id")).count())
        .as("protocol ids from DeFiLlama's data2.ts to data6.ts")
        .isGreaterThanOrEqualTo(85);
  }

  @Test
  void everyCexBlockOfTheLaterDataFiveHasItsOwnEntry() {
    // data5.ts as a fork holds it, read from id 7343 to its end at 7708: three CEX blocks, each
    // of an exchange the catalogue already named from DeFiLlama's CoinGecko map
    Map<String, String> blocks = Map.of("7481", "poloniex", "7489", "coinstore", "7576", "bitvavo");
    blocks.forEach(
        (protocolId, exchangeId) ->
            assertBlockIsEntryCitedBy(
                protocolId,
                exchangeId,
                "web.domain",
                "github.com/huy090202/defillama-server@e01593d43b4ccea31d237791012066c5cd1e072d"
                    + ":defi/src/protocols/data5.ts"));
  }

  @Test
  void theCexBlockOfDataSixHasItsOwnEntry() {
    // data6.ts as a fork holds it, read whole (ids 7709-8069): one block with category CEX
    Exchange sclite = CATALOG.findByIdentifier("defillama.id", "7951").orElseThrow();
    assertThat(sclite.id()).isEqualTo("sclite");
    assertThat(sclite.identifier("web.domain")).contains("sclite.io");
    assertThat(sclite.identifiers("defillama.id"))
        .singleElement()
        .extracting(ExchangeIdentifier::source)
        .isEqualTo(
            "github.com/pumpinglabs/defillama-server@b01e038572d5547f748e07fd804570c43543b323"
                + ":defi/src/protocols/data6.ts");
  }

  @Test
  void everyCexBlockOfTheLatestProtocolFileReadHasItsOwnEntry() {
    // data5.ts at 00b83ac5, read whole: its seven blocks with category CEX, each an exchange of its
    // own (OSL HK and Gate US share their URL's host with OSL and Gate, so carry the id alone)
    Map<String, String> blocks =
        Map.of(
            "7013", "gate-us",
            "7060", "levex",
            "7211", "weex",
            "7222", "bydfi",
            "7248", "osl-hk",
            "7280", "byte-exchange",
            "7281", "grovex");
    blocks.forEach(
        (protocolId, exchangeId) ->
            assertBlockIsEntryCitedBy(
                protocolId,
                exchangeId,
                "defillama.id",
                "github.com/DefiLlama/defillama-server@00b83ac5f8f513231708d3a032356be99e2ab84b"
                    + ":defi/src/protocols/data5.ts"));
    for (String sharedHost : List.of("gate-us", "osl-hk")) {
      assertThat(CATALOG.get(sharedHost).website()).as(sharedHost + " website").isNull();
      assertThat(CATALOG.get(sharedHost).identifiers("web.domain")).as(sharedHost).isEmpty();
    }
  }

  @Test
  void everyProtocolIdIsTheBlockOfTheEntrysOwnName() {
    // Only exact name matches are taken: a US arm or a product of the brand is another block.
    // a remark may follow the name after a semicolon (HashKey's two blocks explain each other)
    Pattern note = Pattern.compile("DeFiLlama protocol \"([^\"]+)\"(?:; .+)?");
    for (Exchange exchange : CATALOG.all()) {
      for (ExchangeIdentifier id : exchange.identifiers("defillama.id")) {
        Matcher named = note.matcher(id.note() == null ? "" : id.note());
        assertThat(named.matches())
            .as(exchange.id() + " defillama.id " + id.value() + " note gives DeFiLlama's name")
            .isTrue();
        assertThat(exchange.isKnownAs(named.group(1)))
            .as(exchange.id() + " is known as DeFiLlama's \"" + named.group(1) + "\"")
            .isTrue();
      }
    }
  }

  @Test
  void noTwoExchangesShareAWebsiteHost() {
    // DeFiLlama gives HashKey Exchange (4795) and HashKey Global (4700) the same url; a host both
    // entries carried would name neither of them, so they carry their protocol ids only
    Map<String, Set<String>> owners = new TreeMap<>();
    for (Exchange exchange : CATALOG.all()) {
      if (exchange.website() != null) {
        String host = exchange.website().getHost().toLowerCase(Locale.ROOT);
        owners
            .computeIfAbsent(
                host.startsWith("www.") ? host.substring(4) : host, k -> new TreeSet<>())
            .add(exchange.id());
      }
    }
    assertThat(owners).isNotEmpty();
    assertThat(owners).allSatisfy((host, ids) -> assertThat(ids).as(host).hasSize(1));
    for (String hashKey : List.of("hashkey-exchange", "hashkey-global")) {
      Exchange exchange = CATALOG.get(hashKey);
      assertThat(exchange.identifiers("defillama.id")).as(hashKey).hasSize(1);
      assertThat(exchange.identifiers("web.domain")).as(hashKey).isEmpty();
    }
  }

  /**
   * DeFiLlama's CEX block {@code protocolId} is the catalogue entry {@code exchangeId}, whose one
   * identifier of {@code scheme} cites {@code source}.
   */
  private static void assertBlockIsEntryCitedBy(
      String protocolId, String exchangeId, String scheme, String source) {
    assertThat(CATALOG.findByIdentifier("defillama.id", protocolId))
        .as("DeFiLlama CEX protocol " + protocolId)
        .map(Exchange::id)
        .contains(exchangeId);
    assertThat(CATALOG.get(exchangeId).identifiers(scheme))
        .singleElement()
        .extracting(ExchangeIdentifier::source)
        .isEqualTo(source);
  }
}
