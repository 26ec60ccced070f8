package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assess --all} through the shaded jar against a DeFiLlama mirror generated from the bundled
 * catalogue: every bundled slug is listed in {@code /cexs} and has a {@code /protocol} answer, so
 * the test grows with the catalogue. Each tracked exchange gets its reserves; the shared lists are
 * asked once for the whole run.
 */
class DefiLlamaEverySlugIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> SLUGS = new TreeMap<>(); // exchange id -> slug

  @TempDir static Path home;
  private static MockWebServer mirror;
  private static final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
  private static JarRunner.Result result;

  @BeforeAll
  static void runTheJarOverTheWholeCatalogue() throws Exception {
    List<Exchange> catalogue = ExchangeCatalog.bundled().all();
    StringBuilder cexs = new StringBuilder("{\"cexs\":[");
    int i = 0;
    for (Exchange exchange : catalogue) {
      String slug = exchange.identifier("defillama.slug").orElse(null);
      if (i++ > 0) {
        cexs.append(',');
      }
      cexs.append("{\"name\":").append(JSON.writeValueAsString(exchange.name()));
      if (slug != null) {
        SLUGS.put(exchange.id(), slug.toLowerCase(Locale.ROOT));
        cexs.append(",\"slug\":")
            .append(JSON.writeValueAsString(slug))
            .append(",\"currentTvl\":")
            .append(1e9 * i)
            .append(",\"cleanAssetsTvl\":")
            .append(0.9e9 * i)
            .append(",\"inflows_24h\":-1000000,\"inflows_1w\":2000000,\"inflows_1m\":-3000000");
      }
      cexs.append('}');
    }
    cexs.append("]}");
    assertThat(SLUGS).as("bundled exchanges with a DeFiLlama slug").isNotEmpty();
    String list = cexs.toString();

    mirror = new MockWebServer();
    mirror.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            asked.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (path.equals("/cexs")) {
              return json(list);
            }
            if (path.equals("/hacks")) {
              return json("[]");
            }
            if (path.equals("/stablecoins")) {
              return json("{\"peggedAssets\":[{\"symbol\":\"USDT\"},{\"symbol\":\"USDC\"}]}");
            }
            if (path.startsWith("/protocol/")
                && SLUGS.containsValue(path.substring("/protocol/".length()))) {
              return json(protocol(path.substring("/protocol/".length())));
            }
            return new MockResponse.Builder().code(404).body("not mirrored: " + path).build();
          }
        });
    mirror.start();
    String base = mirror.url("/").toString().replaceAll("/$", "");
    result =
        JarRunner.inHome(home)
            .timeout(Duration.ofMinutes(5))
            .run(
                "assess",
                "--all",
                "--no-progress",
                "--format",
                "jsonl",
                "--set",
                "http.max-attempts=1",
                "--set",
                "defillama.base-url=" + base,
                "--set",
                "defillama.stablecoins-url=" + base,
                "--set",
                "regulators.enabled=false",
                "--set",
                "reviews.enabled=false");
  }

  @AfterAll
  static void stopTheMirror() {
    if (mirror != null) {
      mirror.close();
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A small /protocol answer: 31 daily points on two chains and a token breakdown. */
  private static String protocol(String slug) {
    long day = 1_792_540_800L;
    StringBuilder series = new StringBuilder("[");
    for (int d = 0; d <= 31; d++) {
      series
          .append(d == 0 ? "" : ",")
          .append("{\"date\":")
          .append(day + d * 86_400L)
          .append(",\"totalLiquidityUSD\":")
          .append(1e9 * (1 + 0.01 * Math.sin(d)))
          .append('}');
    }
    series.append(']');
    return "{\"id\":\"1\",\"name\":\""
        + slug
        + "\",\"category\":\"CEX\",\"chainTvls\":{\"Bitcoin\":{\"tvl\":"
        + series
        + "},\"Ethereum\":{\"tvl\":"
        + series
        + "}},\"tvl\":"
        + series
        + ",\"tokensInUsd\":[{\"date\":"
        + (day + 31 * 86_400L)
        + ",\"tokens\":{\"BTC\":4e8,\"ETH\":2e8,\"USDT\":3e8}}],"
        + "\"currentChainTvls\":{\"Bitcoin\":6e8,\"Ethereum\":4e8}}";
  }

  private static Map<String, JsonNode> bundles() throws Exception {
    assertThat(result.timedOut()).as(result.describe()).isFalse();
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
    assertThat(result.exitCode()).as(result.describe()).isZero();
    Map<String, JsonNode> bundles = new TreeMap<>();
    for (String line : result.stdout().lines().toList()) {
      JsonNode bundle = JSON.readTree(line).findValue("bundle");
      bundles.put(bundle.get("exchangeId").asText(), bundle);
    }
    return bundles;
  }

  private static JsonNode defillama(JsonNode bundle) {
    for (JsonNode outcome : bundle.get("outcomes")) {
      if (outcome.get("collectorId").asText().equals("defillama")) {
        return outcome;
      }
    }
    throw new AssertionError("no defillama outcome in " + bundle.get("exchangeId"));
  }

  @Test
  void everyBundledExchangeCompletesAndEveryTrackedOneGetsItsReserves() throws Exception {
    Map<String, JsonNode> bundles = bundles();
    assertThat(bundles.keySet())
        .containsExactlyInAnyOrderElementsOf(
            ExchangeCatalog.bundled().all().stream().map(Exchange::id).toList());
    List<String> withoutReserves = new ArrayList<>();
    for (Map.Entry<String, String> tracked : SLUGS.entrySet()) {
      JsonNode bundle = bundles.get(tracked.getKey());
      assertThat(defillama(bundle).get("status").asText())
          .as(tracked.getKey() + " " + defillama(bundle))
          .isEqualTo("ok");
      boolean reserves = false;
      for (JsonNode evidence : bundle.get("evidence")) {
        reserves |= evidence.at("/fact/type").asText().equals("reserve-snapshot");
      }
      if (!reserves) {
        withoutReserves.add(tracked.getKey());
      }
    }
    assertThat(withoutReserves).as("tracked exchanges without a reserve snapshot").isEmpty();
  }

  @Test
  void sharedListsAreAskedOnceAndEachSlugOnce() throws Exception {
    bundles();
    assertThat(asked.get("/cexs")).hasValue(1);
    assertThat(asked.get("/hacks")).hasValue(1);
    assertThat(asked.get("/stablecoins")).hasValue(1);
    for (String slug : SLUGS.values()) {
      assertThat(asked.get("/protocol/" + slug)).as(slug).hasValue(1);
    }
  }
}
