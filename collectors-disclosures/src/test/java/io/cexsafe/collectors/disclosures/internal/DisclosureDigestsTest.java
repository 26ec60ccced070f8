package io.cexsafe.collectors.disclosures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.CexsafeException;
import io.cexsafe.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
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

/** The build's digests of the bundled disclosure files against the reviewed JSON they come from. */
class DisclosureDigestsTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final ClassLoader BUNDLED = DisclosureDigestsTest.class.getClassLoader();
  private static final Path SOURCES =
      Path.of("src/main/resources/" + DisclosureLibrary.RESOURCE_DIR);

  @Test
  void everyBundledFileHasADigestHoldingExactlyWhatItsJsonDefines() throws IOException {
    List<String> exchanges = DisclosureLibrary.bundledIndex(BUNDLED);
    assertThat(exchanges).hasSizeGreaterThanOrEqualTo(7);
    List<DisclosureFile> loaded = DisclosureLibrary.loadBundled(BUNDLED, TODAY);
    for (int i = 0; i < exchanges.size(); i++) {
      String exchange = exchanges.get(i);
      byte[] json = Files.readAllBytes(SOURCES.resolve(exchange + ".json"));
      DisclosureFile parsed =
          DisclosureLibrary.parseBundled(new String(json, StandardCharsets.UTF_8), exchange, TODAY);

      assertThat(resource(exchange + DisclosureDigests.SUFFIX))
          .as("%s: the built digest is the one the current JSON yields", exchange)
          .isEqualTo(DisclosureDigests.digest(json, exchange));
      assertThat(loaded.get(i)).as(exchange).isEqualTo(parsed);
      for (int f = 0; f < parsed.facts().size(); f++) {
        assertThat(loaded.get(i).facts().get(f)).isEqualTo(parsed.facts().get(f));
      }
      assertThat(loaded.get(i).facts()).isNotEmpty();
    }
  }

  @Test
  void aFileCuratedAfterTheRunsDayFailsAsTheParserWouldSayIt() throws IOException {
    byte[] json = Files.readAllBytes(SOURCES.resolve("kraken.json"));
    DisclosureFile file = DisclosureDigests.read(resource("kraken.digest"), json, "kraken", TODAY);
    LocalDate before = file.curatedOn().minusDays(1);

    Throwable fromDigest =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> DisclosureDigests.read(resource("kraken.digest"), json, "kraken", before));
    Throwable fromJson =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                DisclosureLibrary.parseBundled(
                    new String(json, StandardCharsets.UTF_8), "kraken", before));
    assertThat(fromDigest)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(fromJson.getMessage())
        .hasMessageContaining("$.curatedOn")
        .hasMessageContaining("is in the future");
    assertThat(DisclosureDigests.read(resource("kraken.digest"), json, "kraken", file.curatedOn()))
        .isEqualTo(file);
  }

  @Test
  void aStaleOrCorruptDigestIsAnErrorNeverOtherFacts(@TempDir Path root) throws IOException {
    Path dir = root.resolve(DisclosureLibrary.RESOURCE_DIR);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("index.txt"), "crypto-com\nkraken\n", StandardCharsets.UTF_8);
    // crypto-com's JSON edited after its digest was written; kraken's digest damaged
    String edited =
        Files.readString(SOURCES.resolve("crypto-com.json"))
            .replaceFirst("\"title\": \"", "\"title\": \"X");
    Files.writeString(dir.resolve("crypto-com.json"), edited);
    Files.write(dir.resolve("crypto-com.digest"), resource("crypto-com.digest"));
    Files.copy(SOURCES.resolve("kraken.json"), dir.resolve("kraken.json"));
    byte[] damaged = resource("kraken.digest");
    damaged[damaged.length / 2] ^= 1;
    Files.write(dir.resolve("kraken.digest"), damaged);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      DisclosureLibrary library = DisclosureLibrary.onDemand(loader, TODAY, List.of());
      assertThatThrownBy(() -> library.find("crypto-com"))
          .isInstanceOf(CexsafeException.class)
          .hasMessageStartingWith("bundled crypto-com.digest is stale (")
          .hasMessageContaining("different version of its JSON source");
      assertThatThrownBy(() -> library.find("kraken"))
          .isInstanceOf(CexsafeException.class)
          .hasMessageStartingWith("bundled kraken.digest is corrupt (");
    }

    // regenerated, both read again, the edit included
    DisclosureDigests.main(new String[] {root.toString()});
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      DisclosureLibrary library = DisclosureLibrary.onDemand(loader, TODAY, List.of());
      assertThat(library.find("crypto-com").orElseThrow().facts())
          .anySatisfy(f -> assertThat(f.sourceTitle()).startsWith("X"));
      assertThat(library.find("kraken").orElseThrow().facts()).isNotEmpty();
    }
  }

  @Test
  void anInvalidBundledFileFailsTheBuildsDigestWithTheParsersMessage() {
    byte[] json =
        "{\"exchange\": \"kraken\", \"curatedOn\": \"2026-01-01\", \"facts\": [{\"id\": \"Bad Id\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DisclosureDigests.digest(json, "kraken"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bundled kraken.json")
        .hasMessageContaining("kebab-case");
    byte[] misnamed =
        "{\"exchange\": \"okx\", \"curatedOn\": \"2026-01-01\", \"facts\": []}"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DisclosureDigests.digest(misnamed, "kraken"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("name it okx.json");
    assertThatThrownBy(() -> DisclosureDigests.main(new String[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("usage");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BUNDLED.getResourceAsStream(DisclosureLibrary.RESOURCE_DIR + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
