package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline contract through the shaded jar: the envelope on JSON and JSON lines, --strict and
 * its exit code, the stderr summary, and --log-format json with the run id, exchange and collector
 * on a failed collector's WARN line.
 */
class PipelineJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AS_OF = "2026-11-21";

  @TempDir static Path home;

  /** A loopback port nothing listens on: DeFiLlama there fails at once with a network error. */
  private static String deadUrl;

  @BeforeAll
  static void findADeadPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    deadUrl = "http://127.0.0.1:" + port + "/";
  }

  private static JarRunner.Result run(String... args) {
    return JarRunner.inHome(home).run(args);
  }

  /** kraken online with only DeFiLlama reachable in principle, and DeFiLlama dead. */
  private static String[] withDeadDefiLlama(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "assess",
                "kraken",
                "--as-of",
                AS_OF,
                "--no-progress",
                "--run-id",
                "airflow-run-7",
                "--set",
                "defillama.base-url=" + deadUrl,
                "--set",
                "defillama.stablecoins-url=" + deadUrl,
                "--set",
                "http.max-attempts=1",
                "--set",
                "regulators.enabled=false",
                "--set",
                "reviews.enabled=false"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void jsonAndJsonLinesCarryTheEnvelopeWithOneRunIdPerInvocation() throws Exception {
    String version = run("--version").stdout().trim().substring("cexsafe ".length());
    JarRunner.Result one =
        run("assess", "kraken", "--offline", "--as-of", AS_OF, "--format", "json");
    assertThat(one.exitCode()).as(one.describe()).isZero();
    JsonNode report = JSON.readTree(one.stdout());
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(report.get("kind").asText()).isEqualTo("assessments");
    assertThat(report.get("cexsafeVersion").asText()).isEqualTo(version);
    assertThat(report.get("asOf").asText()).isEqualTo(AS_OF + "T23:59:59Z");
    assertThat(report.get("runId").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(report.get("assessments")).hasSize(1);

    JarRunner.Result lines =
        run("assess", "kraken", "okx", "--offline", "--as-of", AS_OF, "--format", "jsonl");
    List<JsonNode> documents = new ArrayList<>();
    for (String line : lines.stdout().lines().toList()) {
      documents.add(JSON.readTree(line));
    }
    assertThat(documents).hasSize(2);
    assertThat(documents)
        .allSatisfy(d -> assertThat(d.get("kind").asText()).isEqualTo("assessment"));
    assertThat(documents.get(0).get("runId")).isEqualTo(documents.get(1).get("runId"));
    assertThat(documents.get(0).get("runId")).isNotEqualTo(report.get("runId"));
  }

  @Test
  void aFailedSourceIsOneStderrLineAndUnderStrictExitCodeThree() {
    JarRunner.Result lenient = run(withDeadDefiLlama());
    assertThat(lenient.exitCode()).as(lenient.describe()).isZero();
    assertThat(lenient.stdout()).contains("defillama").contains("failed (network-error)");
    assertThat(lenient.stderr())
        .contains("cexsafe: warning: 1 of ")
        .contains("defillama failed for kraken (network-error)");
    assertThat(lenient.leaksJava()).isFalse();

    JarRunner.Result strict = run(withDeadDefiLlama("--strict"));
    assertThat(strict.exitCode()).as(strict.describe()).isEqualTo(3);
    assertThat(strict.stdout())
        .as("stdout does not change with --strict")
        .isEqualTo(lenient.stdout());
    assertThat(strict.stderr()).contains("cexsafe: error: 1 of ");
  }

  @Test
  void jsonLogLinesNameTheRunTheExchangeAndTheCollector() throws Exception {
    JarRunner.Result result = run(withDeadDefiLlama("--log-format", "json", "--format", "json"));
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(JSON.readTree(result.stdout()).get("runId").asText()).isEqualTo("airflow-run-7");
    List<JsonNode> logLines = new ArrayList<>();
    for (String line : result.stderr().lines().toList()) {
      if (line.startsWith("{")) {
        logLines.add(JSON.readTree(line));
      }
    }
    JsonNode warning =
        logLines.stream()
            .filter(l -> l.path("formattedMessage").asText().contains("'defillama' failed"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no JSON WARN line in:\n" + result.stderr()));
    assertThat(warning.get("level").asText()).isEqualTo("WARN");
    assertThat(warning.at("/mdc/runId").asText()).isEqualTo("airflow-run-7");
    assertThat(warning.at("/mdc/exchange").asText()).isEqualTo("kraken");
    assertThat(warning.at("/mdc/collector").asText()).isEqualTo("defillama");
    assertThat(warning.get("formattedMessage").asText()).contains("network-error");
  }

  @Test
  void aPlainRunShowsTheSummaryAndVerboseAddsTheTextWarning() {
    JarRunner.Result plain = run(withDeadDefiLlama());
    assertThat(plain.stderr()).doesNotContain("WARN").contains("defillama failed for kraken");
    JarRunner.Result verbose = run(withDeadDefiLlama("--verbose"));
    assertThat(verbose.stderr())
        .containsPattern("WARN +\\S*Assessor - collector 'defillama' failed for kraken")
        .doesNotContain("{\"");
  }
}
