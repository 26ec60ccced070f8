package io.cexsafe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.CexsafeException;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's digest of the bundled catalogue against the reviewed JSON it comes from. */
class BundledCatalogueDigestTest {
  private static final Path SOURCE = Path.of("src/main/resources/io/cexsafe/exchanges.json");

  @Test
  void theDigestHoldsExactlyTheExchangesTheJsonSourceDefines() {
    List<Exchange> fromJson = ExchangeCatalog.load(SOURCE).all();
    List<Exchange> fromDigest = BundledCatalogue.read();

    assertThat(fromDigest).hasSameSizeAs(fromJson);
    for (int i = 0; i < fromJson.size(); i++) {
      assertThat(fromDigest.get(i)).as(fromJson.get(i).id()).isEqualTo(fromJson.get(i));
    }
    assertThat(ExchangeCatalog.bundled().all()).isEqualTo(fromJson);
  }

  @Test
  void theBuiltDigestIsTheOneTheCurrentJsonYields() throws IOException {
    // the build regenerates it on every compile; this fails when it did not (a stale class path)
    assertThat(resource(BundledCatalogue.DIGEST)).isEqualTo(BundledCatalogue.digest(SOURCE));
    assertThat(resource(BundledCatalogue.SOURCE)).isEqualTo(Files.readAllBytes(SOURCE));
  }

  @Test
  void aDigestOfOtherJsonIsRefusedAsStale(@TempDir Path dir) throws IOException {
    String json = Files.readString(SOURCE).replace("\"name\": \"Kraken\"", "\"name\": \"Krakken\"");
    assertThat(json).contains("Krakken");
    Path edited = Files.writeString(dir.resolve("exchanges.json"), json);
    byte[] digest = BundledCatalogue.digest(edited);

    assertThat(BundledCatalogue.read(digest, Files.readAllBytes(edited), "test digest"))
        .anySatisfy(e -> assertThat(e.name()).isEqualTo("Krakken"));
    assertThatThrownBy(
            () -> BundledCatalogue.read(digest, Files.readAllBytes(SOURCE), "bundled digest"))
        .isInstanceOf(CexsafeException.class)
        .hasMessageStartingWith("bundled digest is stale (")
        .hasMessageContaining("written from a different version of its JSON source")
        .hasMessageContaining("./mvnw process-classes");
  }

  @Test
  void aCorruptOrTruncatedDigestIsRefused() throws IOException {
    byte[] source = Files.readAllBytes(SOURCE);
    byte[] digest = BundledCatalogue.digest(SOURCE);
    for (int at : new int[] {0, 9, 30, digest.length / 2, digest.length - 5, digest.length - 1}) {
      byte[] altered = digest.clone();
      altered[at] ^= 0x20;
      assertThatThrownBy(() -> BundledCatalogue.read(altered, source, "d"))
          .as("byte %d altered", at)
          .isInstanceOf(CexsafeException.class)
          .hasMessageStartingWith("d is corrupt (");
    }
    for (int length : new int[] {0, 10, 24, digest.length / 3, digest.length - 1}) {
      byte[] truncated = Arrays.copyOf(digest, length);
      assertThatThrownBy(() -> BundledCatalogue.read(truncated, source, "d"))
          .as("truncated to %d", length)
          .isInstanceOf(CexsafeException.class)
          .hasMessageStartingWith("d is corrupt (");
    }
    assertThatThrownBy(
            () -> BundledCatalogue.read("{}".getBytes(StandardCharsets.UTF_8), source, "d"))
        .hasMessage("d is corrupt (truncated (2 bytes)); rebuild cexsafe or reinstall its jar");
  }

  @Test
  void anInvalidCatalogueFailsTheDigestAsAUserFileWould(@TempDir Path dir) throws IOException {
    Path broken =
        Files.writeString(
            dir.resolve("exchanges.json"),
            "{\"exchanges\": [{\"id\": \"Not Kebab\", \"name\": \"X\"}]}");
    assertThatThrownBy(() -> BundledCatalogue.digest(broken))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exchanges.json")
        .hasMessageContaining("kebab-case");
  }

  @Test
  void mainWritesTheDigestFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out/exchanges.digest");
    BundledCatalogue.main(new String[] {SOURCE.toString(), target.toString()});
    assertThat(Files.readAllBytes(target)).isEqualTo(BundledCatalogue.digest(SOURCE));
    assertThatThrownBy(() -> BundledCatalogue.main(new String[] {SOURCE.toString()}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("usage");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ExchangeCatalog.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
