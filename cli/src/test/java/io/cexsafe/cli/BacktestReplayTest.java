package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay case collects the exchange from a DeFiLlama mirror as of the case date. */
class BacktestReplayTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  private static long epoch(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** Our own history in the shape of DeFiLlama's /protocol answer: 2B on the case date. */
  private static String protocol() {
    return "{\"id\":\"9999\",\"name\":\"Acme\",\"tvl\":["
        + point("2022-10-01", 1_000_000_000L)
        + ","
        + point("2022-11-01", 2_000_000_000L)
        + ","
        + point("2022-12-01", 500_000_000L)
        + "],\"chainTvls\":{},\"currentChainTvls\":{}}";
  }

  private static String point(String date, long usd) {
    return "{\"date\":" + epoch(date) + ",\"totalLiquidityUSD\":" + usd + "}";
  }

  private Path replayCase() throws Exception {
    Files.writeString(
        dir.resolve("cases.jsonl"),
        "{\"id\": \"acme-2022-11-01\", \"exchange\": \"acme\", \"name\": \"Acme\","
            + " \"date\": \"2022-11-01\", \"role\": \"reference\", \"replay\": true,"
            + " \"defillama\": \"acme-cex\", \"expect\": [{\"kind\": \"not-flagged\"}]}\n");
    return dir;
  }

  private String[] args(Path cases, String... more) {
    List<String> args = new ArrayList<>(List.of("backtest", cases.toString()));
    for (String setting :
        List.of(
            // surefire switches the network collectors off for the whole module
            "defillama.enabled=true",
            "defillama.base-url=" + server.url("/"),
            "defillama.cexs.enabled=false",
            "defillama.inflows.enabled=false",
            "defillama.hacks.enabled=false",
            "defillama.stablecoins.enabled=false",
            "http.cache.dir=" + dir.resolve("cache"),
            "http.max-attempts=1")) {
      args.add("--set");
      args.add(setting);
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aReplayCaseCollectsTheExchangeFromDefiLlamaAsOfTheCaseDate() throws Exception {
    server.enqueue(new MockResponse.Builder().body(protocol()).build());

    CliTest.Result result = CliTest.run(args(replayCase(), "--format", "json"));

    assertThat(result.err()).isEmpty();
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/protocol/acme-cex");
    JsonNode replayed = Json.mapper().readTree(result.out()).get("cases").get(0);
    assertThat(replayed.get("replay").asBoolean()).isTrue();
    assertThat(replayed.get("asOf").asText()).isEqualTo("2022-11-01T23:59:59Z");
    // the history point of the case date, never the latest one (2022-12-01, USD 500M)
    assertThat(replayed.get("evidence").toString())
        .contains("2022-11-01 reserves USD 2B", "2022-11-01 reserves +100.0% over 31 days")
        .doesNotContain("2022-12-01")
        .doesNotContain("500M");
    assertThat(replayed.get("flags").size()).as(result.out()).isZero();
    assertThat(result.code()).isZero();
  }

  @Test
  void aReplayWhoseSourceFailsIsScoredWithoutInventedEvidence() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());

    CliTest.Result result = CliTest.run(args(replayCase(), "--format", "json"));

    JsonNode replayed = Json.mapper().readTree(result.out()).get("cases").get(0);
    assertThat(replayed.get("evidence").size()).isZero();
    assertThat(replayed.get("grade").asText()).isEqualTo("NR");
    assertThat(result.code()).isZero();
  }
}
