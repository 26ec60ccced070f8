package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history --backfill}, in process, against our own DeFiLlama answers. */
class HistoryBackfillTest {
  @TempDir Path dir;

  @StartStop final MockWebServer server = new MockWebServer();

  private static long epoch(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** Our own /protocol answer: three days of totals, a CRO holding on the first. */
  private static String protocol() {
    return "{\"id\":\"2270\",\"name\":\"Crypto-com\",\"tvl\":["
        + "{\"date\":"
        + epoch("2026-10-01")
        + ",\"totalLiquidityUSD\":1000000000},"
        + "{\"date\":"
        + epoch("2026-10-02")
        + ",\"totalLiquidityUSD\":900000000},"
        + "{\"date\":"
        + epoch("2026-10-03")
        + ",\"totalLiquidityUSD\":600000000}],"
        + "\"tokensInUsd\":[{\"date\":"
        + epoch("2026-10-01")
        + ",\"tokens\":{\"CRO\":100000000,\"USDT\":900000000}}]}";
  }

  private static String hacks() {
    return "[{\"date\":"
        + epoch("2026-10-02")
        + ",\"name\":\"Crypto.com\",\"targetType\":\"CEX\",\"amount\":5000000,"
        + "\"classification\":\"Infrastructure\",\"defillamaId\":\"2270\"}]";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private String[] args(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("history", "crypto-com", "--store", dir.resolve("runs.db").toString()));
    for (String setting :
        List.of(
            // surefire switches the network collectors off for the whole module
            "defillama.enabled=true",
            "defillama.base-url=" + server.url("/api"),
            "http.cache.dir=" + dir.resolve("cache"),
            "http.max-attempts=1",
            // a failed answer pauses its host for a backoff: keep it short here
            "http.initial-backoff=5ms",
            "http.max-backoff=10ms")) {
      args.add("--set");
      args.add(setting);
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aBackfillStoresReconstructedDaysOnceAndHistoryMarksThemInEveryFormat() throws Exception {
    server.enqueue(json(200, hacks()));
    server.enqueue(json(200, protocol()));

    CliTest.Result first = CliTest.run(args("--backfill"));

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/hacks");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/protocol/crypto-com");
    assertThat(first.err())
        .contains(
            "backfill of crypto-com from DeFiLlama: 3 days of reserves and 1 incidents"
                + " reconstructed; 4 stored, 0 already stored");
    assertThat(first.out())
        .contains("0 stored runs and 3 reconstructed days (reserves and incidents only, no score)")
        .contains("Reconstructed", "Reserves USD", "1 000 000 000", "not scored (reconstructed)");

    server.enqueue(json(200, hacks()));
    server.enqueue(json(200, protocol()));
    CliTest.Result again = CliTest.run(args("--backfill"));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("0 stored, 4 already stored");

    JsonNode json = Json.mapper().readTree(CliTest.run(args("--format", "json")).out());
    JsonNode points = json.get("points");
    assertThat(points).hasSize(3);
    assertThat(points.get(0).get("reconstructed").asBoolean()).isTrue();
    assertThat(points.get(0).get("estimate").isNull()).isTrue();
    assertThat(points.get(2).get("reservesUsd").decimalValue()).isEqualByComparingTo("600000000");
    assertThat(points.get(0).get("asOf").asText()).isEqualTo("2026-10-01T00:00:00Z");
    List<String> jsonl = CliTest.run(args("--format", "jsonl")).out().lines().toList();
    assertThat(jsonl).hasSize(3).allMatch(line -> line.contains("\"reconstructed\":true"));
    String csv = CliTest.run(args("--format", "csv")).out();
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",reconstructed,reserves_usd");
    assertThat(csv.lines().skip(1)).allMatch(line -> line.contains(",true,"));
    assertThat(CliTest.run(args("--format", "md")).out())
        .contains("| Reconstructed | Reserves USD |")
        .contains("| yes | 900 000 000 |");
    String html = CliTest.run(args("--format", "html")).out();
    assertThat(html)
        .contains("<polyline class=\"reconstructed\"")
        .contains("stroke-dasharray")
        .contains("<tr class=\"reconstructed\">");
  }

  @Test
  void offlineIsRefusedAndAFailingSourceIsReportedAndStrictSaysSo() {
    CliTest.Result offline = CliTest.run(args("--backfill", "--offline"));
    assertThat(offline.code()).isEqualTo(2);
    assertThat(offline.err().strip())
        .isEqualTo(
            "cexsafe: error: --backfill reads DeFiLlama's history online; it cannot run with"
                + " --offline");
    assertThat(server.getRequestCount()).isZero();

    // HTTP errors are the collector's tests' business; here a malformed answer stands for them
    server.enqueue(json(200, hacks()));
    server.enqueue(json(200, "{\"tvl\": [ {\"date\": "));
    CliTest.Result failed = CliTest.run(args("--backfill", "--strict"));
    assertThat(failed.code()).as(failed.err()).isEqualTo(3);
    assertThat(failed.err())
        .contains("cexsafe: warning: backfill: the /protocol answer for 'crypto-com' is not valid")
        .contains("0 days of reserves and 1 incidents reconstructed; 1 stored");
    assertThat(failed.out()).contains("0 stored runs and 1 reconstructed days");
    assertThat(failed.err()).doesNotContain("Exception");
  }
}
