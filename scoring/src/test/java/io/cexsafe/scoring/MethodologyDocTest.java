package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.scoring.internal.RulesDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/methodology.md in step with the rule definitions. Rewrite the generated section with
 * {@code -Dcexsafe.updateDocs=true} (see the top of docs/methodology.md).
 */
class MethodologyDocTest {
  private static final Path DOC = Path.of("..", "docs", "methodology.md");

  @Test
  void generatedSectionMatchesTheRules() throws IOException {
    String current = Files.readString(DOC, StandardCharsets.UTF_8);
    String expected = RulesDocument.update(current);
    if (Boolean.getBoolean("cexsafe.updateDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
      current = expected;
    }
    assertThat(current)
        .as(
            "docs/methodology.md is out of date with the rule definitions; rerun with"
                + " -Dcexsafe.updateDocs=true")
        .isEqualTo(expected);
  }

  @Test
  void generatedSectionNamesEveryRuleWithItsPoints() {
    String rendered = RulesDocument.render();
    for (RuleInfo rule : Scorer.rules()) {
      assertThat(rendered).contains("#### `" + rule.id() + "`: " + rule.title());
      assertThat(rendered).contains(rule.rubric());
    }
  }
}
