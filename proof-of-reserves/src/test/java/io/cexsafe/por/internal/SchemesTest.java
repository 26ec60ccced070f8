package io.cexsafe.por.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.por.ProofScheme;
import io.cexsafe.por.ProofVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each scheme declares who publishes it and whether a tree file goes with it; every list of them
 * (the docs here, the CLI's help texts there) is derived from or checked against those
 * declarations.
 */
class SchemesTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final List<ProofScheme> schemes = Schemes.standard();

  @Test
  void everySchemeDeclaresItsPublishersAndTreeFile() {
    Map<String, String> declared = new LinkedHashMap<>();
    for (ProofScheme scheme : schemes) {
      declared.put(
          scheme.id(),
          String.join(",", new TreeSet<>(scheme.publishers()))
              + (scheme.takesTree() ? " +tree" : ""));
    }
    // the reference's format table, as the side tables held it before the schemes declared it
    assertThat(declared)
        .containsExactly(
            Map.entry("okx-v1", "okx"),
            Map.entry("okx-v2", "okx +tree"),
            Map.entry("bitget-2025", "bitget"),
            Map.entry("bitget-2022", "bitget"),
            Map.entry("mexc", "mexc"),
            Map.entry("bybit", "bybit"),
            Map.entry("bitmex", "bitmex +tree"),
            Map.entry("silversixpence", "binance,crypto-com,kucoin +tree"),
            Map.entry("armanino", "gate,kraken"),
            Map.entry("armanino-concatenate", "gate,kraken"),
            Map.entry("gate-zk-v1", "gate"),
            Map.entry("binance-zk-v1", "binance"),
            Map.entry("binance-zk-v2", "binance"));
    assertThat(ProofVerifier.standard().schemes())
        .extracting(ProofScheme::id)
        .containsExactlyElementsOf(declared.keySet());
  }

  @Test
  void publishersAreCatalogueIdsAndCannotBeChangedFromOutside() {
    for (ProofScheme scheme : schemes) {
      assertThat(scheme.publishers()).isNotEmpty().allMatch(id -> ID.matcher(id).matches());
      assertThat(scheme.publishers()).isUnmodifiable();
    }
  }

  @Test
  void theFormatTableInTheDocsAgreesWithTheSchemes() throws IOException {
    Map<String, List<String>> rows = formatTable();
    Map<String, String> documented = new LinkedHashMap<>();
    Map<String, String> declared = new LinkedHashMap<>();
    rows.forEach(
        (id, cells) -> documented.put(id, cells.get(0) + " | tree " + !cells.get(1).equals("—")));
    for (ProofScheme scheme : schemes) {
      declared.put(
          scheme.id(),
          new TreeSet<>(scheme.publishers())
                  .stream()
                      .map(publisher -> "`" + publisher + "`")
                      .collect(Collectors.joining(", "))
              + " | tree "
              + scheme.takesTree());
    }
    assertThat(documented).containsExactlyInAnyOrderEntriesOf(declared);
    assertThat(rows.values())
        .allMatch(cells -> List.of("—", "required", "optional").contains(cells.get(1)));
  }

  @Test
  void theTreeFormatListInTheFuzzingDocAgreesWithTheSchemes() throws IOException {
    String fuzzing = Files.readString(DOCS.resolve("fuzzing.md"), StandardCharsets.UTF_8);
    Matcher list = Pattern.compile("the published tree \\(([^)]*)\\)").matcher(fuzzing);
    assertThat(list.find()).as("docs/fuzzing.md names the formats with a tree").isTrue();
    assertThat(list.group(1)).isEqualTo(treeFormats());
  }

  @Test
  void theDerivedTreeFormatListIsWhatTheHelpTextsShowed() {
    assertThat(treeFormats()).isEqualTo("okx-v2, bitmex, silversixpence");
  }

  private String treeFormats() {
    return schemes.stream()
        .filter(ProofScheme::takesTree)
        .map(ProofScheme::id)
        .collect(Collectors.joining(", "));
  }

  /**
   * The "Formats" table of docs/proof-of-reserves.md: for each id (a row may name several), its
   * "published by" and "tree file" cells.
   */
  private static Map<String, List<String>> formatTable() throws IOException {
    List<String> lines =
        Files.readAllLines(DOCS.resolve("proof-of-reserves.md"), StandardCharsets.UTF_8);
    int start = lines.indexOf("## Formats");
    assertThat(start).as("docs/proof-of-reserves.md has a Formats section").isNotNegative();
    List<String> table = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("|")) {
        table.add(line);
      } else if (!table.isEmpty()) {
        break;
      }
    }
    List<String> header = cells(table.get(0));
    int publishers = header.indexOf("published by");
    int tree = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).startsWith("tree file")) {
        tree = i;
      }
    }
    assertThat(publishers).as("a 'published by' column").isNotNegative();
    assertThat(tree).as("a 'tree file' column").isNotNegative();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : table.subList(2, table.size())) {
      List<String> cells = cells(line);
      for (String id : Arrays.stream(cells.get(0).split(",")).map(String::trim).toList()) {
        rows.put(id.replace("`", ""), List.of(cells.get(publishers), cells.get(tree)));
      }
    }
    return rows;
  }

  private static List<String> cells(String row) {
    String inner = row.substring(1, row.length() - (row.endsWith("|") ? 1 : 0));
    return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
  }
}
