package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch} and {@code diff} through the shaded jar: alerts, webhook, every diff format. */
class AlertsJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "jar-webhook-secret-5150";

  @TempDir Path home;

  @StartStop final MockWebServer webhook = new MockWebServer();

  private JarRunner.Result run(String... args) {
    JarRunner.Result result =
        JarRunner.inHome(home).env("CEXSAFE_ALERTS_WEBHOOK_SECRET", SECRET).run(args);
    assertThat(result.timedOut()).as(result.describe()).isFalse();
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
    assertThat(result.stderr()).as(result.describe()).doesNotContain(SECRET);
    return result;
  }

  private Path alerts(String json) throws Exception {
    Path file = home.resolve("alerts.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void watchAlertsOnceAndPostsSignedThenDiffRendersInEveryFormat() throws Exception {
    Path store = home.resolve("runs.db");
    // kraken's bundled proof of reserves is dated 2024-09-30
    Path rules =
        alerts(
            "{\"rules\":[{\"type\":\"stale-proof-of-reserves\",\"maxAgeDays\":60},"
                + "{\"type\":\"score-drop\",\"points\":50}],"
                + "\"webhook\":{\"url\":\""
                + webhook.url("/cexsafe")
                + "\",\"timeoutSeconds\":5}}");
    JarRunner.Result first =
        run(
            "watch",
            "kraken",
            "--offline",
            "--as-of",
            "2024-10-15",
            "--alerts",
            rules.toString(),
            "--store",
            store.toString());
    assertThat(first.exitCode()).as(first.describe()).isZero();
    assertThat(first.stdout()).isEmpty();

    webhook.enqueue(new MockResponse.Builder().code(202).build());
    JarRunner.Result second =
        run(
            "watch",
            "kraken",
            "--offline",
            "--as-of",
            "2025-06-01",
            "--alerts",
            rules.toString(),
            "--store",
            store.toString());
    assertThat(second.exitCode()).as(second.describe()).isEqualTo(5);
    List<String> lines = second.stdout().lines().toList();
    assertThat(lines).hasSize(1);
    JsonNode alert = JSON.readTree(lines.get(0));
    assertThat(alert.get("type").asText()).isEqualTo("stale-proof-of-reserves");
    assertThat(alert.get("exchange").asText()).isEqualTo("kraken");

    RecordedRequest posted = webhook.takeRequest();
    assertThat(posted.getMethod()).isEqualTo("POST");
    assertThat(posted.getBody().utf8()).isEqualTo(lines.get(0));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(posted.getHeaders().get("X-Cexsafe-Signature"))
        .isEqualTo(
            "sha256=" + HexFormat.of().formatHex(mac.doFinal(posted.getBody().toByteArray())));

    String[] diff = {"diff", "kraken", "--since", "2024-10-15", "--store", store.toString()};
    JsonNode json = JSON.readTree(ok(diff, "json").stdout());
    assertThat(json.get("exchangeId").asText()).isEqualTo("kraken");
    assertThat(json.get("toAsOf").asText()).startsWith("2025-06-01");
    List<String> jsonl = ok(diff, "jsonl").stdout().lines().toList();
    assertThat(jsonl).hasSize(1);
    // one diff, as one line: the same document but for the run id of each invocation
    JsonNode line = JSON.readTree(jsonl.get(0));
    assertThat(line.get("kind").asText()).isEqualTo("diff");
    ((com.fasterxml.jackson.databind.node.ObjectNode) line).remove("runId");
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("runId");
    assertThat(line).isEqualTo(json);
    List<CSVRecord> csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(ok(diff, "csv").stdout()))
            .getRecords();
    assertThat(csv).extracting(r -> r.get("section")).contains("score", "grade", "confidence");
    assertThat(csv).allSatisfy(r -> assertThat(r.get("exchange")).isEqualTo("kraken"));
    assertThat(Jsoup.parse(ok(diff, "html").stdout()).title()).isEqualTo("cexsafe diff: kraken");
    assertThat(ok(diff, "md").stdout()).startsWith("# Changes for kraken").contains("| section |");
    assertThat(ok(diff, "table").stdout()).contains("SECTION", "score", "estimate");
  }

  @Test
  void anUnreachableWebhookExitsSixAndBadRulesExitTwo() throws Exception {
    Path store = home.resolve("runs.db");
    webhook.enqueue(new MockResponse.Builder().code(500).build());
    webhook.enqueue(new MockResponse.Builder().code(500).build());
    Path rules =
        alerts(
            "{\"rules\":[{\"type\":\"stale-proof-of-reserves\",\"maxAgeDays\":60}],"
                + "\"webhook\":{\"url\":\""
                + webhook.url("/cexsafe")
                + "\",\"maxAttempts\":2,\"timeoutSeconds\":5}}");
    JarRunner.Result result =
        run(
            "watch",
            "kraken",
            "--offline",
            "--as-of",
            "2025-06-01",
            "--alerts",
            rules.toString(),
            "--store",
            store.toString());
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(6);
    assertThat(result.stdout().lines()).hasSize(1);
    assertThat(result.stderr()).contains("not delivered");

    Path bad = alerts("{\"rules\":[{\"type\":\"net-outflow\",\"percent\":-5}]}");
    JarRunner.Result refused =
        run(
            "watch",
            "kraken",
            "--offline",
            "--alerts",
            bad.toString(),
            "--store",
            store.toString());
    assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(2);
    assertThat(refused.stderr().strip())
        .isEqualTo(
            "cexsafe: error: "
                + bad
                + ": $.rules[0].percent: must be above 0 and at most 100: -5.0");
    JarRunner.Result badFormat =
        run(
            "diff",
            "kraken",
            "--since",
            "2025-01-01",
            "--store",
            store.toString(),
            "--format",
            "nope");
    assertThat(badFormat.exitCode()).isEqualTo(2);
  }

  private JarRunner.Result ok(String[] args, String format) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--format";
    all[args.length + 1] = format;
    JarRunner.Result result = run(all);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return result;
  }
}
