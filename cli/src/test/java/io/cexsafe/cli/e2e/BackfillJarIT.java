package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history --backfill} then {@code watch --alerts} through the shaded jar: the reserve alert
 * fires at the first assessed run, from the backfilled days alone.
 */
class BackfillJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @StartStop final MockWebServer defillama = new MockWebServer();

  private static long epoch(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** Our own /protocol answer: ten days of totals, 1 billion falling to 600 million. */
  private static String protocol() {
    StringBuilder tvl = new StringBuilder();
    long[] usd = {1_000, 1_000, 1_000, 990, 950, 900, 850, 800, 700, 600};
    for (int day = 0; day < usd.length; day++) {
      tvl.append(day == 0 ? "" : ",")
          .append("{\"date\":")
          .append(epoch("2026-10-01") + 86_400L * day)
          .append(",\"totalLiquidityUSD\":")
          .append(usd[day] * 1_000_000)
          .append('}');
    }
    return "{\"id\":\"2270\",\"name\":\"Crypto-com\",\"tvl\":[" + tvl + "]}";
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private JarRunner.Result run(String... args) {
    JarRunner.Result result = JarRunner.inHome(home).run(args);
    assertThat(result.timedOut()).as(result.describe()).isFalse();
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
    return result;
  }

  @Test
  void backfilledReservesGiveWatchATrendFromTheFirstRun() throws Exception {
    Path store = home.resolve("runs.db");
    defillama.enqueue(json("[]"));
    defillama.enqueue(json(protocol()));

    JarRunner.Result backfill =
        run(
            "history",
            "crypto-com",
            "--backfill",
            "--store",
            store.toString(),
            "--set",
            "defillama.base-url=" + defillama.url("/api"),
            "--format",
            "json");

    assertThat(backfill.exitCode()).as(backfill.describe()).isZero();
    assertThat(defillama.takeRequest().getTarget()).isEqualTo("/api/hacks");
    assertThat(defillama.takeRequest().getTarget()).isEqualTo("/api/protocol/crypto-com");
    assertThat(backfill.stderr()).contains("10 days of reserves and 0 incidents reconstructed");
    JsonNode points = JSON.readTree(backfill.stdout()).get("points");
    assertThat(points).hasSize(10);
    assertThat(points).allMatch(p -> p.get("reconstructed").asBoolean());
    assertThat(points).allMatch(p -> p.get("estimate").isNull());

    Path rules = home.resolve("alerts.json");
    Files.writeString(
        rules, "{\"rules\":[{\"type\":\"reserves-down\",\"percent\":20,\"days\":7}]}");
    JarRunner.Result watch =
        run(
            "watch",
            "crypto-com",
            "--offline",
            "--as-of",
            "2026-10-11",
            "--alerts",
            rules.toString(),
            "--store",
            store.toString());

    assertThat(watch.exitCode()).as(watch.describe()).isEqualTo(5);
    List<String> lines = watch.stdout().lines().toList();
    assertThat(lines).hasSize(1);
    JsonNode alert = JSON.readTree(lines.get(0));
    assertThat(alert.get("type").asText()).isEqualTo("reserves-down");
    assertThat(alert.get("exchange").asText()).isEqualTo("crypto-com");
    assertThat(alert.get("message").asText())
        .startsWith("reserves down 40.0 % from 2026-10-03T00:00:00Z to 2026-10-10T00:00:00Z")
        .endsWith("(rests on reconstructed data: a backfilled history)");
    assertThat(alert.get("evidence"))
        .allMatch(e -> e.get("provenance").get("note").asText().startsWith("reconstructed"));
  }
}
