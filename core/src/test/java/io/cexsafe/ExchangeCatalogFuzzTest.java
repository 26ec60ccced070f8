package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of a user's {@code --catalog} file, then of the look-ups the CLI does on
 * it. Only {@link InvalidInputException} (naming file, JSON path and problem) and {@link
 * UnknownExchangeException} may escape; anything else is a finding. See docs/fuzzing.md.
 */
class ExchangeCatalogFuzzTest {
  private static final Path FILE = scratchFile();

  @FuzzTest(maxDuration = "5m")
  void catalogFile(byte[] content) throws IOException {
    Files.write(FILE, content);
    ExchangeCatalog catalog;
    try {
      catalog = ExchangeCatalog.load(FILE);
    } catch (InvalidInputException refused) {
      return;
    }
    ExchangeCatalog merged = ExchangeCatalog.bundled().extendedWith(catalog);
    for (Exchange exchange : catalog.all()) {
      merged.get(exchange.id());
      merged.find(exchange.name());
      merged.closestIds(exchange.name(), 3);
      for (ExchangeIdentifier identifier : exchange.identifiers()) {
        merged.findByIdentifier(identifier.scheme(), identifier.value());
      }
      Json.read(Json.write(exchange), "round trip", Exchange.class);
    }
    try {
      catalog.get("no-such-exchange-anywhere");
    } catch (UnknownExchangeException expected) {
      // documented: names the closest known ids
    }
  }

  /** Found by this fuzz test: Jackson took the file for UTF-32 and failed to decode it. */
  @Test
  void bytesThatLookLikeUtf32AreRefusedAsInvalidInput() throws IOException {
    byte[] content = {1, 0, 0, 0, 0, 0, 0, 0, 'g', 'e', 's', '"', ':', ' ', '[', '{'};
    Files.write(FILE, content);

    assertThatThrownBy(() -> ExchangeCatalog.load(FILE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(FILE.toString());
  }

  private static Path scratchFile() {
    try {
      Path file = Files.createTempFile("cexsafe-catalog-fuzz", ".json");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
