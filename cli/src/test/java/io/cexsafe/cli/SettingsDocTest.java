package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.SettingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the settings table in docs/configuration.md in step with the declarations. Rewrite it with
 * {@code -Dcexsafe.updateDocs=true}.
 */
class SettingsDocTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  /** The shipped settings: the test-only probe collector is left out. */
  static SettingsTable shipped() {
    return SettingsTable.discover(SettingsDocTest.class.getClassLoader()).without("cli-probe");
  }

  @Test
  void generatedSectionMatchesTheDeclarations() throws IOException {
    String current = Files.readString(DOC, StandardCharsets.UTF_8);
    String expected = shipped().update(current);
    if (Boolean.getBoolean("cexsafe.updateDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
      current = expected;
    }
    assertThat(current)
        .as(
            "docs/configuration.md is out of date with the declared settings; rerun with"
                + " -Dcexsafe.updateDocs=true")
        .isEqualTo(expected);
  }

  @Test
  void everyDeclaredSettingHasARowWithItsOwner() {
    String markdown = shipped().markdown();
    List<SettingKey<?>> declared =
        SettingsTable.declaredByOwner(getClass().getClassLoader()).entrySet().stream()
            .filter(e -> !e.getKey().equals("cli-probe"))
            .flatMap(e -> e.getValue().stream())
            .toList();
    assertThat(declared).hasSizeGreaterThan(60);
    for (SettingKey<?> key : declared) {
      assertThat(markdown).contains("| `" + key.key() + "` | " + key.type().name() + " |");
    }
    assertThat(markdown)
        .contains("| `defillama.top-holdings` | int | `10` | defillama |  | ")
        .contains("| `regulators.fca.api-key` | secret |  | regulators | yes | ")
        .contains("| `http.call-timeout` | duration | `2m` | core |  | ")
        .contains("| `alerts.webhook-secret` | secret |  | alerts | yes | ");
  }

  @Test
  void aDocumentWithoutTheMarkersIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> shipped().update("# nothing here\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("settings:begin");
  }
}
