package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Json;
import io.cexsafe.scoring.Scorecard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CliTest {
  private static final String SECRET = "SUPERSECRET-9f8e7d";

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  record Result(int code, String out, String err) {}

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logs);
    root.setLevel(Level.WARN);
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private String allLogs() {
    return logs.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void listsTheCatalogue() {
    Result result = run("exchanges");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains(
            "crypto-com",
            "Crypto.com",
            "coinbase",
            "kraken",
            "binance",
            "okx",
            "bybit",
            "bitfinex");
    Result json = run("exchanges", "--format", "json");
    assertThat(Json.read(json.out(), "out", Map.class)).containsKey("exchanges");
  }

  @Test
  void printsTheMethodology() {
    Result result = run("methodology");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Custody & Storage", "20", "Support", "Total", "100");
  }

  @Test
  void assessesOfflineAndReportsEachCollector() {
    Result result = run("assess", "crypto-com", "--offline");
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("Crypto.com (crypto-com)")
        .contains("cli-probe")
        .contains("skipped (offline)")
        .contains("Custody & Storage")
        .contains("Overall: ");
    assertThat(run("assess", "crypto-com", "--offline", "--evidence").out())
        .contains("Evidence for Custody & Storage: ");
  }

  @Test
  void jsonOutputHoldsARoundTrippableBundleAndItsScorecard() throws Exception {
    Result result =
        run("assess", "crypto-com", "--offline", "--format", "json", "--as-of", "2026-11-21");
    assertThat(result.code()).isZero();
    JsonNode report = Json.mapper().readTree(result.out());
    assertThat(report.fieldNames())
        .toIterable()
        .containsExactly("schemaVersion", "kind", "cexsafeVersion", "runId", "asOf", "assessments");
    assertThat(report.get("asOf").asText()).isEqualTo("2026-11-21T23:59:59Z");
    JsonNode document = report.at("/assessments/0");
    assertThat(document.fieldNames()).toIterable().containsExactly("bundle", "scorecard");
    EvidenceBundle bundle = EvidenceBundle.fromJson(document.get("bundle").toString());
    assertThat(EvidenceBundle.fromJson(result.out()))
        .as("the report itself reads back as the bundle it embeds")
        .isEqualTo(bundle);
    assertThat(bundle.exchangeId()).isEqualTo("crypto-com");
    assertThat(bundle.asOf()).isEqualTo(Instant.parse("2026-11-21T23:59:59Z"));
    assertThat(Json.mapper().readTree(bundle.toJson())).isEqualTo(document.get("bundle"));
    Scorecard card = Scorecard.fromJson(document.get("scorecard").toString());
    assertThat(card.asOf()).isEqualTo(bundle.asOf());
    assertThat(
            run(
                    "assess",
                    "crypto-com",
                    "--offline",
                    "--format",
                    "json",
                    "--as-of",
                    "2026-11-21",
                    "--run-id",
                    report.get("runId").asText())
                .out())
        .as("the same inputs (and run id) give the same bytes")
        .isEqualTo(result.out());
  }

  @Test
  void unknownExchangeExitsTwoWithOneLineNamingCloseMatches() {
    Result result = run("assess", "nosuch-exchange");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err())
        .contains("unknown exchange 'nosuch-exchange'")
        .contains("closest known ids:");
    assertThat(run("assess", "krakn").err()).contains("closest known ids: kraken");
  }

  @Test
  void malformedConfigExitsTwoNamingFileAndProblem() throws Exception {
    Path config = dir.resolve("broken.json");
    Files.writeString(config, "{\"defillama\": {\"base-url\": }");
    Result result = run("assess", "crypto-com", "--config", config.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err())
        .contains(config.toString())
        .contains("not valid JSON")
        .contains("line 1");
    assertThat(result.err()).doesNotContain("at io.cexsafe");
  }

  @Test
  void verboseShowsTheStackTrace() throws Exception {
    Path config = dir.resolve("broken.json");
    Files.writeString(config, "[]");
    Result result = run("assess", "crypto-com", "--config", config.toString(), "--verbose");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("at io.cexsafe");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(run("assess", "okx", "--as-of", "yesterday").code()).isEqualTo(2);
    assertThat(run("assess", "okx", "--as-of", "yesterday").err())
        .contains("invalid --as-of 'yesterday'");
    assertThat(run("assess").code()).isEqualTo(2);
    assertThat(run("assess", "okx", "--no-such-option").code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run("assess", "okx", "--set", "not-an-assignment").code()).isEqualTo(2);
    assertThat(run("assess", "okx", "--set", "http.max-attempts=lots", "--offline").code())
        .isEqualTo(2);
  }

  @Test
  void secretFromSetIsSentButNeverShown() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    Result result =
        run(
            "assess",
            "okx",
            "--verbose",
            "--format",
            "json",
            "--set",
            "cli-probe.base-url=" + server.url("/"),
            "--set",
            "cli-probe.api-key=" + SECRET);
    assertThat(result.code()).isZero();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo(SECRET);
    assertThat(allLogs()).contains("probing").doesNotContain(SECRET);
    assertThat(result.out()).contains("cli-probe").doesNotContain(SECRET);
    assertThat(result.err()).doesNotContain(SECRET);
  }

  @Test
  void secretFromConfigFileNeverShowsInFailures() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(401).body("bad key " + SECRET).build());
    }
    Path config = dir.resolve("cexsafe.json");
    Files.writeString(
        config,
        "{\"cli-probe\": {\"base-url\": \""
            + server.url("/")
            + "\", \"api-key\": \""
            + SECRET
            + "\"}}");
    Result table = run("assess", "okx", "--verbose", "--config", config.toString());
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("failed (http-client-error)").doesNotContain(SECRET);
    assertThat(table.err()).doesNotContain(SECRET);
    Result json = run("assess", "okx", "--format", "json", "--config", config.toString());
    assertThat(json.out()).contains("http-client-error").doesNotContain(SECRET);
    assertThat(allLogs()).doesNotContain(SECRET);
  }

  @Test
  void assessesSeveralExchangesAsAJsonArray() throws Exception {
    Result result = run("assess", "okx", "kraken", "--offline", "--format", "json");
    assertThat(result.code()).isZero();
    JsonNode documents = Json.mapper().readTree(result.out()).get("assessments");
    assertThat(documents.isArray()).isTrue();
    assertThat(documents)
        .extracting(d -> EvidenceBundle.fromJson(d.get("bundle").toString()).exchangeId())
        .containsExactly("okx", "kraken");
    assertThat(documents)
        .extracting(d -> d.get("scorecard").get("exchangeId").asText())
        .containsExactly("okx", "kraken");
  }
}
