package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Assessor;
import io.cexsafe.CollectorOutcome;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Json;
import io.cexsafe.ReasonCode;
import io.cexsafe.reports.ReportEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The envelope of every JSON output, --strict, --run-id and --log-format json. */
class PipelineContractTest {
  private static final String[] ENVELOPE = {
    "schemaVersion", "kind", "cexsafeVersion", "runId", "asOf"
  };

  @StartStop final MockWebServer server = new MockWebServer();

  private static JsonNode json(CliTest.Result result) throws Exception {
    assertThat(result.code()).as(result.err()).isZero();
    return Json.mapper().readTree(result.out());
  }

  private static void assertEnvelope(JsonNode document, String kind) {
    assertThat(document.fieldNames()).toIterable().startsWith(ENVELOPE);
    assertThat(document.get("schemaVersion").asInt()).isEqualTo(ReportEnvelope.SCHEMA_VERSION);
    assertThat(document.get("kind").asText()).isEqualTo(kind);
    assertThat(document.get("runId").asText()).isNotBlank();
  }

  @Test
  void everyJsonOutputOfEveryCommandStartsWithTheEnvelope() throws Exception {
    assertEnvelope(json(CliTest.run("exchanges", "--format", "json")), "exchanges");
    assertEnvelope(json(CliTest.run("methodology", "--format", "json")), "methodology");
    assertEnvelope(json(CliTest.run("settings", "--format", "json")), "settings");
    JsonNode assessed =
        json(
            CliTest.run(
                "assess", "kraken", "--offline", "--as-of", "2026-11-21", "--format", "json"));
    assertEnvelope(assessed, "assessments");
    assertThat(assessed.get("asOf").asText()).isEqualTo("2026-11-21T23:59:59Z");
    JsonNode compared =
        json(
            CliTest.run(
                "compare",
                "kraken",
                "okx",
                "--offline",
                "--as-of",
                "2026-11-21",
                "--format",
                "json"));
    assertEnvelope(compared, "comparison");
    assertThat(compared.get("assessments")).hasSize(2);
    // output not evaluated at a date says so with a null, never a made-up instant
    assertThat(json(CliTest.run("exchanges", "--format", "json")).get("asOf").isNull()).isTrue();
  }

  @Test
  void eachInvocationHasItsOwnRunIdAndARunIdGivenIsUsedEverywhere() throws Exception {
    String first = json(CliTest.run("exchanges", "--format", "json")).get("runId").asText();
    String second = json(CliTest.run("exchanges", "--format", "json")).get("runId").asText();
    assertThat(first).isNotEqualTo(second);
    CliTest.Result lines =
        CliTest.run(
            "assess",
            "kraken",
            "okx",
            "--offline",
            "--format",
            "jsonl",
            "--run-id",
            "scheduled__2026-12-07");
    assertThat(lines.code()).isZero();
    for (String line : lines.out().lines().toList()) {
      JsonNode document = Json.mapper().readTree(line);
      assertEnvelope(document, "assessment");
      assertThat(document.get("runId").asText()).isEqualTo("scheduled__2026-12-07");
    }
  }

  @Test
  void aMalformedRunIdOrLogFormatIsAUsageError() {
    CliTest.Result badId = CliTest.run("assess", "kraken", "--offline", "--run-id", "a b");
    assertThat(badId.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(badId.err()).contains("invalid run id 'a b'").doesNotContain("Exception");
    assertThat(badId.out()).isEmpty();
    CliTest.Result badFormat = CliTest.run("assess", "kraken", "--offline", "--log-format", "xml");
    assertThat(badFormat.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(badFormat.err()).contains("invalid --log-format 'xml': use text or json");
  }

  @Test
  void withoutFailuresStrictChangesNothing() {
    CliTest.Result plain =
        CliTest.run("assess", "kraken", "--offline", "--as-of", "2026-11-21", "--run-id", "r1");
    CliTest.Result strict =
        CliTest.run(
            "assess", "kraken", "--offline", "--as-of", "2026-11-21", "--run-id", "r1", "--strict");
    assertThat(strict.code()).isZero();
    assertThat(strict.out()).isEqualTo(plain.out());
    assertThat(strict.err()).isEqualTo(plain.err()).doesNotContain("failed or");
  }

  private CliTest.Result assessWithFailingProbe(String... extra) {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "assess",
                "okx",
                "--as-of",
                "2026-11-21",
                "--run-id",
                "run-fail",
                "--set",
                "cli-probe.base-url=" + server.url("/"),
                "--set",
                "http.max-attempts=1"));
    args.addAll(List.of(extra));
    return CliTest.run(args.toArray(String[]::new));
  }

  @Test
  void aFailedSourceLeavesStdoutAloneAddsOneStderrLineAndUnderStrictExitsThree() {
    CliTest.Result lenient = assessWithFailingProbe();
    assertThat(lenient.code()).isZero();
    assertThat(lenient.out()).contains("failed (http-server-error)");
    List<String> summary =
        lenient.err().lines().filter(line -> line.startsWith("cexsafe: ")).toList();
    assertThat(summary)
        .containsExactly(
            "cexsafe: warning: 1 of "
                + countOutcomes(lenient)
                + " collector runs failed or was partial: cli-probe failed for okx"
                + " (http-server-error)");

    CliTest.Result strict = assessWithFailingProbe("--strict");
    assertThat(strict.code()).isEqualTo(Main.SOURCE_FAILED).isEqualTo(3);
    assertThat(strict.out()).as("the report is still written, unchanged").isEqualTo(lenient.out());
    assertThat(strict.err())
        .contains("cexsafe: error: 1 of ")
        .contains("cli-probe failed for okx (http-server-error)");
  }

  @Test
  void compareUnderStrictExitsThreeToo() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(new MockResponse.Builder().code(500).build());
    }
    CliTest.Result result =
        CliTest.run(
            "compare",
            "okx",
            "kraken",
            "--strict",
            "--set",
            "cli-probe.base-url=" + server.url("/"),
            "--set",
            "http.max-attempts=1");
    assertThat(result.code()).isEqualTo(Main.SOURCE_FAILED);
    assertThat(result.out()).contains("okx").contains("kraken");
    assertThat(result.err()).contains("2 of ").contains("cli-probe failed for okx");
  }

  private static int countOutcomes(CliTest.Result table) {
    // the table lists one line per collector under "Collectors"; the summary counts the same runs
    CliTest.Result json =
        CliTest.run("assess", "okx", "--offline", "--as-of", "2026-11-21", "--format", "json");
    try {
      return Json.mapper().readTree(json.out()).at("/assessments/0/bundle/outcomes").size();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theSummaryNamesThreeRunsAndCountsTheRest() {
    Instant asOf = Instant.parse("2026-11-21T23:59:59Z");
    List<CollectorOutcome> outcomes = new ArrayList<>();
    for (String id : List.of("a", "b", "c", "d", "e")) {
      outcomes.add(CollectorOutcome.timedOut(id, Duration.ofSeconds(1)));
    }
    outcomes.add(CollectorOutcome.skipped("f", ReasonCode.OFFLINE, "offline"));
    String summary =
        PipelineOptions.summary(List.of(new EvidenceBundle("kraken", asOf, List.of(), outcomes)));
    assertThat(summary)
        .isEqualTo(
            "5 of 6 collector runs failed or were partial: a failed for kraken"
                + " (deadline-exceeded), b failed for kraken (deadline-exceeded), c failed for"
                + " kraken (deadline-exceeded) and 2 more");
    assertThat(
            PipelineOptions.summary(
                List.of(new EvidenceBundle("kraken", asOf, List.of(), outcomes.subList(5, 6)))))
        .as("skipped is not failed")
        .isNull();
  }

  @Test
  void jsonLogLinesCarryTheRunExchangeAndCollector() throws Exception {
    LoggerContext context = new LoggerContext();
    new LogbackSetup(() -> false).configure(context);
    assertThat(LogbackSetup.useJsonLines(context)).isTrue();
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> stderr =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogbackSetup.APPENDER);
    assertThat(stderr.getEncoder()).isInstanceOf(JsonEncoder.class);
    assertThat(stderr.isStarted()).isTrue();
    LoggingEvent event =
        new LoggingEvent(
            "x",
            context.getLogger(Assessor.class),
            Level.WARN,
            "collector '{}' failed for {}: {}",
            null,
            new Object[] {"defillama", "kraken", "timeout"});
    event.setMDCPropertyMap(
        Map.of(
            Assessor.MDC_RUN_ID, "run-9",
            Assessor.MDC_EXCHANGE, "kraken",
            Assessor.MDC_COLLECTOR, "defillama"));
    String line = new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);
    assertThat(line).endsWith("\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode parsed = Json.mapper().readTree(line);
    assertThat(parsed.get("level").asText()).isEqualTo("WARN");
    assertThat(parsed.get("loggerName").asText()).isEqualTo(Assessor.class.getName());
    assertThat(parsed.get("formattedMessage").asText())
        .isEqualTo("collector 'defillama' failed for kraken: timeout");
    assertThat(parsed.get("mdc").get("runId").asText()).isEqualTo("run-9");
    assertThat(parsed.get("mdc").get("exchange").asText()).isEqualTo("kraken");
    assertThat(parsed.get("mdc").get("collector").asText()).isEqualTo("defillama");
    assertThat(LogbackSetup.useJsonLines(context)).as("asking twice is harmless").isTrue();
    context.stop();
  }

  @Test
  void aUsersLoggingConfigurationWinsOverLogFormatJson() {
    // this module's tests carry logback-test.xml, as a user's configuration would be
    assertThat(LogbackSetup.useJsonLines()).isFalse();
    LoggerContext bare = new LoggerContext();
    assertThat(LogbackSetup.useJsonLines(bare)).isFalse();
    bare.stop();
  }
}
