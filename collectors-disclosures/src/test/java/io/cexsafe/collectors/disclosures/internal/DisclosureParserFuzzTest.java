package io.cexsafe.collectors.disclosures.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cexsafe.Evidence;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Json;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of a user-supplied disclosures file: parsing, merging over the bundled
 * facts and turning every fact into evidence that survives a JSON round trip. Only {@link
 * InvalidInputException} (file, JSON path, problem) may escape; anything else is a finding. Seeds:
 * one small file per fact type under {@code DisclosureParserFuzzTestInputs/}; see docs/fuzzing.md.
 */
class DisclosureParserFuzzTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  @FuzzTest(maxDuration = "5m")
  void disclosureFile(byte[] content) {
    DisclosureFile file;
    try {
      file =
          DisclosureParser.parse(
              new String(content, StandardCharsets.UTF_8), "fuzz.json", TODAY, true);
    } catch (InvalidInputException refused) {
      return;
    }
    for (CuratedFact fact : file.facts()) {
      Evidence evidence = fact.toEvidence("disclosures");
      Json.read(Json.write(evidence), "round trip", Evidence.class);
    }
    DisclosureLibrary.of(List.of(file), List.of(file)).find(file.exchangeId()).orElseThrow();
  }

  /** Found by seeding this fuzz test: Jackson's NumberFormatException escaped the parser. */
  @Test
  void aNumberWithAnExponentNoDecimalHoldsIsInvalidInput() {
    String file = "{\"exchange\": \"acme-x\", \"facts\": [1e9999999999]}";

    assertThatThrownBy(() -> DisclosureParser.parse(file, "acme.json", TODAY, true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("acme.json")
        .hasMessageContaining("a number that cannot be read");
  }
}
