package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.StoreLocation;
import io.cexsafe.store.StoredRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess --store}, {@code assess --resume} and {@code history}, in process. */
class StoreCommandsTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, withoutRunId(out.toString()), err.toString());
  }

  private static Result ok(String... args) {
    Result result = run(args);
    assertThat(result.code()).as(result.err()).isZero();
    return result;
  }

  private static JsonNode json(String text) throws IOException {
    return Json.mapper().readTree(text);
  }

  @Test
  void assessRecordsEveryExchangeAndHistoryShowsThemInEveryFormat() throws IOException {
    Path store = dir.resolve("runs.db");
    Result first =
        ok(
            "assess",
            "kraken",
            "coinbase",
            "--offline",
            "--as-of",
            "2026-11-01",
            "--store",
            store.toString(),
            "--format",
            "json");
    assertThat(first.err()).contains("recording run").contains(store.toString());
    Result plain =
        ok(
            "assess",
            "kraken",
            "coinbase",
            "--offline",
            "--as-of",
            "2026-11-01",
            "--format",
            "json");
    assertThat(first.out()).isEqualTo(plain.out());
    ok(
        "assess",
        "kraken",
        "--offline",
        "--as-of",
        "2026-11-02",
        "--store",
        store.toString(),
        "--format",
        "json");

    try (EvidenceStore opened = EvidenceStore.open(StoreLocation.sqlite(store))) {
      List<StoredRun> runs = opened.runs();
      assertThat(runs).hasSize(2);
      assertThat(runs).allMatch(StoredRun::finished);
      assertThat(runs.get(0).exchangeIds()).containsExactly("kraken", "coinbase");
      assertThat(opened.exchangesDone(runs.get(0).runId())).containsExactly("kraken", "coinbase");
    }

    JsonNode history =
        json(ok("history", "Kraken", "--store", store.toString(), "--format", "json").out());
    assertThat(history.get("exchangeId").asText()).isEqualTo("kraken");
    assertThat(history.get("points")).hasSize(2);
    JsonNode scorecard = json(plain.out()).get("assessments").get(0).get("scorecard");
    JsonNode point = history.get("points").get(0);
    assertThat(point.get("estimate").asDouble()).isEqualTo(scorecard.get("estimate").asDouble());
    assertThat(point.get("confidence").asDouble())
        .isEqualTo(scorecard.get("confidence").asDouble());
    assertThat(point.get("pillars")).hasSize(scorecard.get("pillars").size());
    assertThat(point.get("asOf").asText()).startsWith("2026-11-01");

    String table = ok("history", "kraken", "--store", store.toString()).out();
    assertThat(table).contains("2 stored runs").contains("Confidence").contains("Custody");
    assertThat(history.get("kind").asText()).isEqualTo("history");
    assertThat(history.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(history.get("asOf").isNull()).as("history is not evaluated at one date").isTrue();
    String jsonl = ok("history", "kraken", "--store", store.toString(), "--format", "jsonl").out();
    assertThat(jsonl.lines()).hasSize(2).allMatch(l -> l.contains("\"exchangeId\":\"kraken\""));
    for (int i = 0; i < 2; i++) {
      JsonNode line = json(jsonl.lines().toList().get(i));
      assertThat(line.fieldNames())
          .toIterable()
          .containsExactly(
              "schemaVersion", "kind", "cexsafeVersion", "runId", "asOf", "exchangeId", "point");
      assertThat(line.get("kind").asText()).isEqualTo("history-point");
      assertThat(line.get("point")).isEqualTo(history.get("points").get(i));
    }
    String csv = ok("history", "kraken", "--store", store.toString(), "--format", "csv").out();
    assertThat(csv.lines()).hasSize(3);
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("exchange,run,as_of,estimate");
    String md = ok("history", "kraken", "--store", store.toString(), "--format", "md").out();
    assertThat(md).contains("| As of | Run | Score | Grade |");
    String html = ok("history", "kraken", "--store", store.toString(), "--format", "html").out();
    assertThat(html).contains("<svg").contains("<polyline class=\"score\"").contains("</html>");

    JsonNode since =
        json(
            ok(
                    "history",
                    "kraken",
                    "--store",
                    store.toString(),
                    "--format",
                    "json",
                    "--since",
                    "2026-11-02")
                .out());
    assertThat(since.get("points")).hasSize(1);
    JsonNode until =
        json(
            ok(
                    "history",
                    "kraken",
                    "--store",
                    store.toString(),
                    "--format",
                    "json",
                    "--until",
                    "2026-11-01")
                .out());
    assertThat(until.get("points")).hasSize(1);

    Path file = dir.resolve("history.html");
    ok("history", "kraken", "--store", store.toString(), "--format", "html", "-o", file.toString());
    assertThat(Files.readString(file)).isEqualTo(html);
  }

  @Test
  void resumeCompletesAnInterruptedRunAndReportsEveryExchange() throws IOException {
    Path store = dir.resolve("runs.db");
    Result full =
        ok(
            "assess",
            "kraken",
            "coinbase",
            "binance",
            "--offline",
            "--as-of",
            "2026-11-01",
            "--format",
            "json");
    String interrupted;
    // a run that stopped after its first exchange: recorded as the CLI records it
    try (EvidenceStore opened = EvidenceStore.open(StoreLocation.sqlite(store))) {
      ok("assess", "kraken", "--offline", "--as-of", "2026-11-01", "--store", store.toString());
      StoredRun previous = opened.runs().get(0);
      Snapshot kraken = opened.history().snapshot("kraken", previous.runId()).orElseThrow();
      interrupted = "interrupted-1";
      opened.startRun(
          new RunPlan(
              interrupted,
              previous.asOf(),
              List.of("kraken", "coinbase", "binance"),
              Map.of("as-of", "2026-11-01")));
      opened.commitExchange(interrupted, kraken.bundle(), kraken.scorecard());
    }
    Result resumed =
        ok(
            "assess",
            "--resume",
            interrupted,
            "--offline",
            "--store",
            store.toString(),
            "--format",
            "json");
    assertThat(resumed.err()).contains("resuming run interrupted-1").contains("1 of 3");
    assertThat(json(resumed.out())).isEqualTo(json(full.out()));
    try (EvidenceStore opened = EvidenceStore.open(StoreLocation.sqlite(store))) {
      StoredRun run = opened.run(interrupted).orElseThrow();
      assertThat(run.finished()).isTrue();
      assertThat(opened.exchangesDone(interrupted))
          .containsExactly("kraken", "coinbase", "binance");
    }

    Result unknown = run("assess", "--resume", "nope", "--offline", "--store", store.toString());
    assertThat(unknown.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("no run 'nope' in store " + store);
    Result withExchanges =
        run("assess", "kraken", "--resume", interrupted, "--offline", "--store", store.toString());
    assertThat(withExchanges.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(withExchanges.err()).contains("name none");
  }

  @Test
  void aCorruptStoreExitsTwoNamingItAndIsNotOverwritten() throws IOException {
    Path store = dir.resolve("broken.db");
    byte[] garbage = "not a database\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    Files.write(store, garbage);
    Result result = run("assess", "kraken", "--offline", "--store", store.toString());
    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains(store.toString()).contains("corrupt");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.out()).isEmpty();
    assertThat(Files.readAllBytes(store)).isEqualTo(garbage);

    Result history = run("history", "kraken", "--store", store.toString());
    assertThat(history.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(Files.readAllBytes(store)).isEqualTo(garbage);
  }

  @Test
  void aCorruptStoreIsReportedBeforeABadSelectionAsWhenItWasOpenedFirst() throws IOException {
    // offline, the store opens while the exchanges are chosen: its refusal still comes first
    Path store = dir.resolve("broken.db");
    Files.writeString(store, "not a database\n".repeat(100));
    Result result = run("assess", "no-such-exchange", "--offline", "--store", store.toString());
    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains(store.toString()).contains("corrupt");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void aStoreFromANewerCexsafeIsRefused() throws SQLException {
    Path store = dir.resolve("runs.db");
    ok("assess", "kraken", "--offline", "--as-of", "2026-11-01", "--store", store.toString());
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO cexsafe_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1,"
              + " '7', 'later', 'SQL', 'V7__later.sql', 0, 'test', 1, 1"
              + " FROM cexsafe_schema_history");
    }
    Result result = run("history", "kraken", "--store", store.toString());
    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("schema version 7").contains("upgrade cexsafe");
  }

  @Test
  void aStoreFailingMidRunKeepsWhatWasCommittedExitsFourAndTheRunResumes() throws Exception {
    Path store = dir.resolve("runs.db");
    String[] exchanges = {"kraken", "coinbase", "binance", "okx"};
    Result plain =
        ok(
            "assess",
            exchanges[0],
            exchanges[1],
            exchanges[2],
            exchanges[3],
            "--offline",
            "--as-of",
            "2026-11-01",
            "--format",
            "json");
    EvidenceStore.open(StoreLocation.sqlite(store)).close();
    // the store starts refusing writes at the third exchange, as a full disk would
    sql(
        store,
        "CREATE TRIGGER refuse_binance BEFORE INSERT ON store_summary"
            + " WHEN NEW.exchange_id = 'binance' BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    Result failed =
        run(
            "assess",
            exchanges[0],
            exchanges[1],
            exchanges[2],
            exchanges[3],
            "--offline",
            "--as-of",
            "2026-11-01",
            "--format",
            "json",
            "--store",
            store.toString());
    assertThat(failed.code()).isEqualTo(Main.STORE_FAILED);
    assertThat(failed.out()).isEqualTo(plain.out());
    assertThat(failed.err())
        .contains("disk says no")
        .contains("the report was printed")
        .contains("is not completely stored");
    String runId;
    try (EvidenceStore opened = EvidenceStore.open(StoreLocation.sqlite(store))) {
      StoredRun run = opened.runs().get(0);
      runId = run.runId();
      assertThat(run.finished()).isFalse();
      // what was committed before the failure is kept; nothing is written after it
      assertThat(opened.exchangesDone(runId)).containsExactly("kraken", "coinbase");
    }
    sql(store, "DROP TRIGGER refuse_binance");
    Result resumed =
        ok(
            "assess",
            "--resume",
            runId,
            "--offline",
            "--store",
            store.toString(),
            "--format",
            "json");
    assertThat(resumed.err()).contains("2 of 4");
    assertThat(json(resumed.out())).isEqualTo(json(plain.out()));
    try (EvidenceStore opened = EvidenceStore.open(StoreLocation.sqlite(store))) {
      assertThat(opened.run(runId).orElseThrow().finished()).isTrue();
      assertThat(opened.exchangesDone(runId)).containsExactly(exchanges);
    }
  }

  private static void sql(Path store, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store);
        Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  @Test
  void withPostgresDownTheAssessmentStillPrintsAndExitsFour() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/cexsafe?user=u&password=hunter2";
    Result plain = ok("assess", "kraken", "--offline", "--as-of", "2026-11-01", "--format", "json");
    Result result =
        run(
            "assess",
            "kraken",
            "--offline",
            "--as-of",
            "2026-11-01",
            "--format",
            "json",
            "--store",
            url);
    assertThat(result.code()).isEqualTo(Main.STORE_FAILED);
    assertThat(result.out()).isEqualTo(plain.out());
    assertThat(result.err()).contains("127.0.0.1:" + port).contains("the report was printed");
    assertThat(result.err()).doesNotContain("hunter2").doesNotContain("Exception");
  }

  @Test
  void historyNeedsAStoreAndAKnownFormat() {
    Result missing = run("history", "kraken", "--store", dir.resolve("none.db").toString());
    assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err()).contains("no store at");
    assertThat(dir.resolve("none.db")).doesNotExist();
    Result format = run("history", "kraken", "--store", "x.db", "--format", "pdf");
    assertThat(format.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(format.err()).contains("formats: table, json, jsonl, csv, md, html");
    Result dates = run("history", "kraken", "--since", "2026-11-03", "--until", "2026-11-01");
    assertThat(dates.code()).isEqualTo(Main.BAD_INPUT);
    Result url = run("history", "kraken", "--store", "jdbc:mysql://x/y");
    assertThat(url.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(url.err()).contains("unsupported store URL");
    Result none = run("assess", "--offline");
    assertThat(none.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(none.err()).contains("name at least one exchange");
  }

  @Test
  void anEmptyHistoryIsNotAnError() {
    Path store = dir.resolve("runs.db");
    ok("assess", "kraken", "--offline", "--as-of", "2026-11-01", "--store", store.toString());
    assertThat(ok("history", "binance", "--store", store.toString()).out())
        .contains("0 stored runs");
    assertThat(ok("history", "binance", "--store", store.toString(), "--format", "jsonl").out())
        .isEmpty();
    assertThat(Instant.now()).isNotNull();
  }

  /** Every invocation has a run id of its own; outputs are compared without it. */
  private static String withoutRunId(String output) {
    return output.replaceAll("\"runId\"\\s*:\\s*\"[^\"]*\"", "\"runId\":\"(run id)\"");
  }
}
