package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess --store} and {@code history} through the shaded jar, in every format. */
class StoreJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  private JarRunner.Result run(String... args) {
    JarRunner.Result result = JarRunner.inHome(home).run(args);
    assertThat(result.timedOut()).as(result.describe()).isFalse();
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
    return result;
  }

  private JarRunner.Result ok(String... args) {
    JarRunner.Result result = run(args);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }

  @Test
  void assessStoresRunsAndHistoryShowsThemInEveryFormat() throws Exception {
    Path store = home.resolve("runs.db");
    ok(
        "assess",
        "kraken",
        "binance",
        "--offline",
        "--as-of",
        "2026-11-20",
        "--store",
        store.toString(),
        "--format",
        "jsonl");
    JarRunner.Result second =
        ok(
            "assess",
            "kraken",
            "--offline",
            "--as-of",
            "2026-11-21",
            "--store",
            store.toString(),
            "--format",
            "json");
    assertThat(second.stderr()).contains("recording run");
    double latest =
        JSON.readTree(second.stdout())
            .get("assessments")
            .get(0)
            .get("scorecard")
            .get("estimate")
            .asDouble();

    JsonNode json =
        JSON.readTree(
            ok("history", "kraken", "--store", store.toString(), "--format", "json").stdout());
    assertThat(json.get("points")).hasSize(2);
    assertThat(json.get("points").get(1).get("estimate").asDouble()).isEqualTo(latest);

    List<String> jsonl =
        ok("history", "kraken", "--store", store.toString(), "--format", "jsonl")
            .stdout()
            .lines()
            .toList();
    assertThat(jsonl).hasSize(2);
    for (String line : jsonl) {
      assertThat(JSON.readTree(line).get("exchangeId").asText()).isEqualTo("kraken");
    }

    String csv = ok("history", "kraken", "--store", store.toString(), "--format", "csv").stdout();
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(records).hasSize(2);
    assertThat(Double.parseDouble(records.get(1).get("estimate"))).isEqualTo(latest);

    String table = ok("history", "kraken", "--store", store.toString()).stdout();
    assertThat(table).contains("2 stored runs").contains("2026-11-21");
    String md = ok("history", "kraken", "--store", store.toString(), "--format", "md").stdout();
    assertThat(md).contains("| As of |").contains("2026-11-20");
    String html = ok("history", "kraken", "--store", store.toString(), "--format", "html").stdout();
    Document document = Jsoup.parse(html);
    assertThat(document.select("svg polyline.score")).hasSize(1);
    assertThat(document.select("tbody tr")).hasSize(2);
  }

  @Test
  void theDefaultStoreLivesUnderTheDataDirectory() {
    ok("assess", "kraken", "--offline", "--as-of", "2026-11-21", "--store");
    assertThat(home.resolve(".local/share/cexsafe/store.db")).exists();
    assertThat(ok("history", "kraken").stdout()).contains("1 stored runs");
  }

  @Test
  void aCorruptStoreExitsTwoAndIsLeftAlone() throws Exception {
    Path store = home.resolve("broken.db");
    Files.writeString(store, "definitely not SQLite\n".repeat(50), StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(store);
    JarRunner.Result result = run("assess", "kraken", "--offline", "--store", store.toString());
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr()).contains(store.toString());
    assertThat(Files.readAllBytes(store)).isEqualTo(before);
  }
}
