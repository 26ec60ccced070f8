package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cexsafe.InvalidInputException;
import io.cexsafe.Pillar;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of a user's {@code --methodology} file. A file either loads, writes
 * itself back as JSON that loads to the same weights, or is refused with an {@link
 * InvalidInputException} naming the file, the JSON path and the problem; anything else is a
 * finding. Seeds under {@code MethodologyFileFuzzTestInputs/methodologyFile/}; see docs/fuzzing.md.
 */
class MethodologyFileFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void methodologyFile(byte[] content) {
    Methodology methodology;
    try {
      methodology =
          Methodology.fromJson(new String(content, StandardCharsets.UTF_8), "methodology.json");
    } catch (InvalidInputException refused) {
      return;
    }
    Methodology reread = Methodology.fromJson(methodology.toJson(), "round trip");
    for (Pillar pillar : Pillar.values()) {
      if (Double.compare(methodology.weight(pillar), reread.weight(pillar)) != 0) {
        throw new AssertionError(pillar + " weight changed in a JSON round trip");
      }
    }
  }

  /** Found by seeding this fuzz test: Jackson's NumberFormatException escaped the reader. */
  @Test
  void aNumberWithAnExponentNoDecimalHoldsIsInvalidInput() {
    String file = "{\"id\": \"x\", \"weights\": {\"custody\": 1e9999999999}}";

    assertThatThrownBy(() -> Methodology.fromJson(file, "m.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("m.json")
        .hasMessageContaining("a number that cannot be read");
  }
}
