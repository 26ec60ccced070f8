package io.cexsafe.testing.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The "Writing a collector" snippet is this module's compiled, contract-tested {@link
 * CsvBountyCollector}: each document that shows it must show it exactly, so the docs cannot rot.
 */
class CollectorSnippetTest {
  /** Marks the fenced block that must equal the example's code. */
  static final String MARKER =
      "<!-- snippet: testing/src/test/java/io/cexsafe/testing/example/CsvBountyCollector.java -->";

  /** The documents that must carry the snippet. */
  static final List<String> REQUIRED = List.of("docs/writing-a-collector.md", "README.md");

  /** Documents checked whenever they carry the marker. */
  static final List<String> CHECKED_WHEN_MARKED = List.of();

  static Path root() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    return Files.exists(module.resolve("pom.xml"))
            && module.getFileName().toString().equals("testing")
        ? module.getParent()
        : module;
  }

  /** The example's code as the docs show it: everything after the imports. */
  static String exampleCode() throws IOException {
    List<String> lines =
        Files.readAllLines(
            root()
                .resolve(
                    "testing/src/test/java/io/cexsafe/testing/example/CsvBountyCollector.java"),
            StandardCharsets.UTF_8);
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("import ") || lines.get(i).startsWith("package ")) {
        start = i + 1;
      }
    }
    while (lines.get(start).isBlank()) {
      start++;
    }
    return String.join("\n", lines.subList(start, lines.size())).strip();
  }

  /** The fenced java block right after the marker, or empty when the document has no marker. */
  static Optional<String> snippet(String document) {
    int at = document.indexOf(MARKER);
    if (at < 0) {
      return Optional.empty();
    }
    int open = document.indexOf("```java\n", at);
    int close = document.indexOf("\n```", open + 8);
    if (open < 0 || close < 0) {
      throw new AssertionError("no ```java block after the snippet marker");
    }
    return Optional.of(document.substring(open + 8, close).strip());
  }

  @Test
  void everyDocumentShowsTheExampleExactly() throws IOException {
    String code = exampleCode();
    List<String> checked = new ArrayList<>();
    for (String name : REQUIRED) {
      String document = Files.readString(root().resolve(name), StandardCharsets.UTF_8);
      assertThat(snippet(document)).as(name + " carries the snippet marker").isPresent();
    }
    List<String> all = new ArrayList<>(REQUIRED);
    all.addAll(CHECKED_WHEN_MARKED);
    for (String name : all) {
      String document = Files.readString(root().resolve(name), StandardCharsets.UTF_8);
      Optional<String> snippet = snippet(document);
      if (snippet.isPresent()) {
        assertThat(snippet.get()).as(name).isEqualTo(code);
        checked.add(name);
      }
    }
    assertThat(checked).containsAll(REQUIRED);
  }

  @Test
  void theExampleStaysAboutThirtyLines() throws IOException {
    assertThat(exampleCode().lines().count()).isLessThanOrEqualTo(35);
  }

  @Test
  void aChangedSnippetIsCaught() throws IOException {
    String document = MARKER + "\n\n```java\n" + exampleCode() + "\n```\n";
    assertThat(snippet(document)).contains(exampleCode());
    String changed =
        MARKER + "\n\n```java\n" + exampleCode().replace("exchange", "venue") + "\n```\n";
    assertThat(snippet(changed).orElseThrow()).isNotEqualTo(exampleCode());
    assertThat(snippet("no marker here")).isEmpty();
  }
}
