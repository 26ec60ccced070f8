package io.cexsafe.collectors.disclosures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.InvalidInputException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-demand library parses an exchange's bundled file only when that exchange is asked for. */
class DisclosureLibraryOnDemandTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final ClassLoader BUNDLED = DisclosureLibraryOnDemandTest.class.getClassLoader();

  /** A user file overriding one bundled Kraken fact by its id and adding one of its own. */
  private static DisclosureFile userKraken() {
    DisclosureLibrary.ExchangeDisclosures bundled =
        DisclosureLibrary.of(DisclosureLibrary.loadBundled(BUNDLED, TODAY), List.of())
            .find("kraken")
            .orElseThrow();
    String overridden = bundled.facts().get(0).id();
    String json =
        """
        {"exchange": "kraken", "curatedOn": "2026-11-21", "curator": "a test",
         "facts": [%s, %s]}
        """
            .formatted(custody(overridden, "Vault One"), custody("user-own-custody", "Vault Two"));
    return DisclosureParser.parse(json, "user kraken.json", TODAY, true);
  }

  private static DisclosureFile userOnly() {
    String json =
        """
        {"exchange": "acme-x", "curatedOn": "2026-11-21", "curator": "a test",
         "facts": [%s]}
        """
            .formatted(custody("acme-custody", "Vault Three"));
    return DisclosureParser.parse(json, "user acme-x.json", TODAY, true);
  }

  private static String custody(String id, String name) {
    return """
        {"id": "%s",
         "fact": {"type": "custody-provider", "name": "%s", "role": "TECHNOLOGY",
                  "availableToCustomers": false, "detail": "a test vault"},
         "source": {"url": "https://example.com/%s", "title": "A test page"},
         "observedOn": "2025-09-15", "evidenceClass": "exchange-disclosure"}
        """
        .formatted(id, name, id);
  }

  @Test
  void givesTheSameFactsAndFindingsAsParsingEveryFile() {
    List<DisclosureFile> user = List.of(userKraken(), userOnly());
    DisclosureLibrary eager =
        DisclosureLibrary.of(DisclosureLibrary.loadBundled(BUNDLED, TODAY), user);
    DisclosureLibrary onDemand = DisclosureLibrary.onDemand(BUNDLED, TODAY, user);

    assertThat(onDemand.exchanges())
        .containsExactlyElementsOf(eager.exchanges())
        .contains("acme-x");
    for (String exchange : eager.exchanges()) {
      assertThat(onDemand.find(exchange)).as(exchange).isEqualTo(eager.find(exchange));
    }
    assertThat(onDemand.find("kraken").orElseThrow().facts())
        .extracting(CuratedFact::id)
        .contains("user-own-custody");
    assertThat(onDemand.find("no-such-exchange")).isEmpty();
  }

  @Test
  void aBrokenBundledFileFailsOnlyItsOwnExchange(@TempDir Path root) throws IOException {
    Path dir = root.resolve(DisclosureLibrary.RESOURCE_DIR);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("index.txt"), "crypto-com\nkraken\n", StandardCharsets.UTF_8);
    Files.copy(
        Path.of("src/main/resources/" + DisclosureLibrary.RESOURCE_DIR + "crypto-com.json"),
        dir.resolve("crypto-com.json"));
    Files.writeString(dir.resolve("kraken.json"), "{\"exchange\": \"kraken\", \"curatedOn\": ");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      DisclosureLibrary library = DisclosureLibrary.onDemand(loader, TODAY, List.of());

      assertThat(library.exchanges()).containsExactly("crypto-com", "kraken");
      assertThat(library.find("crypto-com").orElseThrow().facts()).isNotEmpty();
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> library.find("kraken"))
            .as("a failure is not remembered as an empty exchange")
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("bundled kraken.json")
            .hasMessageContaining("malformed JSON");
      }
    }
  }

  @Test
  void aMissingBundledFileFailsWhenItsExchangeIsAskedFor(@TempDir Path root) throws IOException {
    Path dir = root.resolve(DisclosureLibrary.RESOURCE_DIR);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("index.txt"), "kraken\n", StandardCharsets.UTF_8);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      DisclosureLibrary library = DisclosureLibrary.onDemand(loader, TODAY, List.of());
      assertThatThrownBy(() -> library.find("kraken"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bundled kraken.json")
          .hasMessageContaining("missing from the class path");
    }
  }

  @Test
  void aBadOrMissingIndexFailsAtOnce(@TempDir Path root) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> DisclosureLibrary.onDemand(loader, TODAY, List.of()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bundled index.txt")
          .hasMessageContaining("missing from the class path");

      Path dir = root.resolve(DisclosureLibrary.RESOURCE_DIR);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("index.txt"), "Kraken!\n", StandardCharsets.UTF_8);
      assertThatThrownBy(() -> DisclosureLibrary.onDemand(loader, TODAY, List.of()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("not a new kebab-case exchange id");
    }
  }
}
