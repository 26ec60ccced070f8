package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchAndDiffCommandTest {
  @TempDir Path dir;

  @StartStop final MockWebServer server = new MockWebServer();

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path alerts(String json) throws Exception {
    Path file = dir.resolve("alerts.json");
    Files.writeString(file, json);
    return file;
  }

  private Result watch(String asOf, Path alerts, Path store) {
    return run(
        "watch",
        "kraken",
        "--offline",
        "--as-of",
        asOf,
        "--alerts",
        alerts.toString(),
        "--store",
        store.toString());
  }

  @Test
  void watchRecordsEachRunAndAlertsOnceWhenTheProofOfReservesGoesStale() throws Exception {
    // kraken's bundled proof of reserves is dated 2024-09-30
    Path rules = alerts("{\"rules\":[{\"type\":\"stale-proof-of-reserves\",\"maxAgeDays\":60}]}");
    Path store = dir.resolve("runs.db");

    Result first = watch("2024-10-15", rules, store);
    assertThat(first.err()).startsWith("cexsafe: recording run ").doesNotContain("error");
    assertThat(first.code()).isZero();
    assertThat(first.out()).isEmpty();

    Result second = watch("2025-06-01", rules, store);
    assertThat(second.code()).as(second.err()).isEqualTo(WatchCommand.ALERTS_FIRED);
    List<String> lines = second.out().lines().toList();
    assertThat(lines).singleElement();
    JsonNode alert = Json.read(lines.get(0), "alert", JsonNode.class);
    assertThat(alert.path("rule").asText()).isEqualTo("stale-proof-of-reserves");
    assertThat(alert.path("exchange").asText()).isEqualTo("kraken");
    assertThat(alert.path("evidence").get(0).path("fact").path("type").asText())
        .isEqualTo("por-attestation");

    // the condition lasts: the next run does not repeat the alert
    Result third = watch("2025-06-02", rules, store);
    assertThat(third.code()).isZero();
    assertThat(third.out()).isEmpty();

    Result diff =
        run(
            "diff",
            "kraken",
            "--since",
            "2024-10-15",
            "--store",
            store.toString(),
            "--format",
            "json");
    assertThat(diff.code()).as(diff.err()).isZero();
    JsonNode tree = Json.read(diff.out(), "diff", JsonNode.class);
    assertThat(tree.fieldNames())
        .toIterable()
        .startsWith("schemaVersion", "kind", "cexsafeVersion", "runId", "asOf", "exchangeId");
    assertThat(tree.path("kind").asText()).isEqualTo("diff");
    assertThat(tree.path("asOf").isNull()).as("a diff has two instants of its own").isTrue();
    JsonNode line =
        Json.read(
            run(
                    "diff",
                    "kraken",
                    "--since",
                    "2024-10-15",
                    "--store",
                    store.toString(),
                    "--format",
                    "jsonl")
                .out()
                .strip(),
            "diff line",
            JsonNode.class);
    assertThat(line.path("kind").asText()).isEqualTo("diff");
    assertThat(line.path("toRunId").asText()).isEqualTo(tree.path("toRunId").asText());
    assertThat(tree.path("exchangeId").asText()).isEqualTo("kraken");
    assertThat(tree.path("fromAsOf").asText()).startsWith("2024-10-15");
    assertThat(tree.path("toAsOf").asText()).startsWith("2025-06-02");
    assertThat(tree.path("fromRunId").asText()).isNotEqualTo(tree.path("toRunId").asText());

    for (String format : DiffReport.FORMATS) {
      Result rendered =
          run(
              "diff",
              "kraken",
              "--since",
              "2024-10-15",
              "--store",
              store.toString(),
              "--format",
              format);
      assertThat(rendered.code()).as(format + ": " + rendered.err()).isZero();
      assertThat(rendered.out()).as(format).contains("kraken");
    }
    Result csv =
        run(
            "diff",
            "kraken",
            "--since",
            tree.path("fromRunId").asText(),
            "--store",
            store.toString(),
            "--format",
            "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .isEqualTo(String.join(",", DiffReport.CSV_HEADER));
    assertThat(csv.out()).contains("kraken," + tree.path("fromRunId").asText() + ",");
  }

  @Test
  void watchTakesThePipelineOptionsAndItsAlertLinesCarryTheEnvelope() throws Exception {
    Path rules = alerts("{\"rules\":[{\"type\":\"stale-proof-of-reserves\",\"maxAgeDays\":60}]}");
    Path store = dir.resolve("runs.db");
    String[] watch = {"watch", "kraken", "--alerts", rules.toString(), "--store", store.toString()};
    String[] failingProbe = {
      "--set", "cli-probe.base-url=" + server.url("/"), "--set", "http.max-attempts=1"
    };
    Result first =
        run(concat(watch, new String[] {"--offline", "--as-of", "2024-10-15", "--strict"}));
    assertThat(first.code()).as("offline sources are skipped, not failed").isZero();
    assertThat(first.err()).doesNotContain("failed or");

    server.enqueue(new MockResponse.Builder().code(503).build());
    Result second =
        run(
            concat(
                concat(watch, failingProbe),
                new String[] {
                  "--as-of", "2025-06-01", "--run-id", "watch-2", "--log-format", "json", "--strict"
                }));
    assertThat(second.code())
        .as("--strict's failed source (3) outranks an alert that fired (5): " + second.err())
        .isEqualTo(Main.SOURCE_FAILED);
    assertThat(second.err())
        .contains("cexsafe: recording run watch-2")
        .contains("cexsafe: error: 1 of ")
        .contains("cli-probe failed for kraken (http-server-error)");
    JsonNode alert = Json.read(second.out().strip(), "alert", JsonNode.class);
    assertThat(alert.fieldNames())
        .toIterable()
        .startsWith("schemaVersion", "kind", "cexsafeVersion", "runId", "asOf");
    assertThat(alert.path("kind").asText()).isEqualTo("alert");
    assertThat(alert.path("runId").asText()).isEqualTo("watch-2");
    assertThat(alert.path("run").asText()).isEqualTo("watch-2");
    assertThat(alert.path("asOf").asText()).startsWith("2025-06-01");
    assertThat(alert.path("rule").asText()).isEqualTo("stale-proof-of-reserves");
    JsonNode history =
        Json.read(
            run("history", "kraken", "--store", store.toString(), "--format", "json").out(),
            "history",
            JsonNode.class);
    assertThat(history.at("/points/1/runId").asText())
        .as("the store holds the run under the id given")
        .isEqualTo("watch-2");

    // without --strict a failed source is one warning line; the condition lasts, so no alert
    server.enqueue(new MockResponse.Builder().code(503).build());
    Result third = run(concat(concat(watch, failingProbe), new String[] {"--as-of", "2025-06-02"}));
    assertThat(third.code()).as(third.err()).isZero();
    assertThat(third.out()).isEmpty();
    assertThat(third.err()).contains("cexsafe: warning: 1 of ").doesNotContain("cexsafe: error");

    Result badRunId = run(concat(watch, new String[] {"--offline", "--run-id", "has space"}));
    assertThat(badRunId.code()).isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void watchWithAnUnreachableStoreSaysNothingWasAssessed() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path rules = alerts("{\"rules\":[{\"type\":\"grade-drop\"}]}");
    Result result =
        run(
            "watch",
            "kraken",
            "--offline",
            "--alerts",
            rules.toString(),
            "--store",
            "jdbc:postgresql://127.0.0.1:" + port + "/cexsafe?user=u&password=hunter2");
    assertThat(result.code()).isEqualTo(Main.STORE_FAILED);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines()).singleElement();
    assertThat(result.err())
        .contains("127.0.0.1:" + port)
        .contains("(" + WatchCommand.NOTHING_ASSESSED + ")")
        .doesNotContain("report was printed")
        .doesNotContain("run null")
        .doesNotContain("hunter2");
  }

  @Test
  void badAlertFilesAreOneLineErrorsWithTheJsonPath() throws Exception {
    Path rules = alerts("{\"rules\":[{\"type\":\"reserves-down\",\"percent\":10}]}");
    Result result = watch("2026-06-01", rules, dir.resolve("s.db"));
    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err().strip())
        .isEqualTo(
            "cexsafe: error: " + rules + ": $.rules[0].days: missing; a whole number is required");
    assertThat(Files.exists(dir.resolve("s.db"))).isFalse();
  }

  @Test
  void aWebhookWithoutItsSecretIsBadInputBeforeAnythingRuns() throws Exception {
    Path rules =
        alerts(
            "{\"rules\":[{\"type\":\"grade-drop\"}],\"webhook\":{\"url\":\"https://example.test/h\"}}");
    Result result = watch("2026-06-01", rules, dir.resolve("s.db"));
    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err())
        .contains("alerts.webhook-secret")
        .contains("CEXSAFE_ALERTS_WEBHOOK_SECRET");
  }

  @Test
  void alertsArePostedSignedAndAFailedDeliveryExitsSix() throws Exception {
    Path store = dir.resolve("hooked.db");
    Path rules =
        alerts(
            "{\"rules\":[{\"type\":\"stale-proof-of-reserves\",\"maxAgeDays\":60}],"
                + "\"webhook\":{\"url\":\""
                + server.url("/hook")
                + "\",\"maxAttempts\":2}}");
    String secret = "s3cr3t-webhook-key-77";
    String[] common = {
      "--offline",
      "--alerts",
      rules.toString(),
      "--store",
      store.toString(),
      "--set",
      "alerts.webhook-secret=" + secret
    };
    assertThat(
            run(concat(new String[] {"watch", "kraken", "--as-of", "2024-10-15"}, common)).code())
        .isZero();
    assertThat(server.getRequestCount()).isZero();

    server.enqueue(new MockResponse.Builder().code(200).build());
    Result fired = run(concat(new String[] {"watch", "kraken", "--as-of", "2025-06-01"}, common));
    assertThat(fired.code()).as(fired.err()).isEqualTo(WatchCommand.ALERTS_FIRED);
    RecordedRequest posted = server.takeRequest();
    assertThat(posted.getBody().utf8()).isEqualTo(fired.out().strip());
    assertThat(posted.getHeaders().get("X-Cexsafe-Signature"))
        .isEqualTo(
            io.cexsafe.store.alert.WebhookSender.signature(
                io.cexsafe.Secret.of(secret), posted.getBody().toByteArray()));

    // the same two runs into a fresh store, with the webhook down
    Path other = dir.resolve("other.db");
    common[4] = other.toString();
    assertThat(
            run(concat(new String[] {"watch", "kraken", "--as-of", "2024-10-15"}, common)).code())
        .isZero();
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    Result undelivered =
        run(concat(new String[] {"watch", "kraken", "--as-of", "2025-06-01"}, common));
    assertThat(undelivered.code()).as(undelivered.err()).isEqualTo(WatchCommand.DELIVERY_FAILED);
    assertThat(undelivered.out().lines()).hasSize(1);
    assertThat(undelivered.err()).contains("not delivered").doesNotContain(secret);
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  @Test
  void watchNeedsExchangesOrAll() throws Exception {
    Path rules = alerts("{\"rules\":[{\"type\":\"grade-drop\"}]}");
    Result result = run("watch", "--alerts", rules.toString(), "--offline");
    assertThat(result.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("name the exchanges to watch, or give --all");
  }

  @Test
  void diffExplainsAMissingStoreRunOrFormat() throws Exception {
    Result noStore =
        run(
            "diff",
            "kraken",
            "--since",
            "2026-01-01",
            "--store",
            dir.resolve("none.db").toString());
    assertThat(noStore.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(noStore.err()).contains("no store at");
    assertThat(Files.exists(dir.resolve("none.db"))).isFalse();

    Path store = dir.resolve("runs.db");
    Path rules = alerts("{\"rules\":[{\"type\":\"grade-drop\"}]}");
    assertThat(watch("2026-06-01", rules, store).code()).isZero();
    Result tooEarly = run("diff", "kraken", "--since", "2020-01-01", "--store", store.toString());
    assertThat(tooEarly.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(tooEarly.err()).contains("no stored run of kraken at or before 2020-01-01");
    Result noRun = run("diff", "kraken", "--since", "nope-run", "--store", store.toString());
    assertThat(noRun.err()).contains("no stored run 'nope-run' of kraken");
    Result otherExchange =
        run("diff", "binance", "--since", "2026-06-01", "--store", store.toString());
    assertThat(otherExchange.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(otherExchange.err()).contains("has no run of binance");
    Result corrupt = run("diff", "kraken", "--since", "2026-06-01", "--store", rules.toString());
    assertThat(corrupt.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(Files.readString(rules)).isEqualTo("{\"rules\":[{\"type\":\"grade-drop\"}]}");
  }
}
