package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile sources, through the shaded jar: a number no type can hold, a register that fails, a
 * keyed source that redirects to another host, and processes sharing one cache while one of them is
 * killed. Each must cost only what it touches, and a credential must never leave its host.
 */
class HostileSourcesIT {
  private static final String FCA_KEY = "hostile-fca-key-4Kp";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path homes;

  private JarRunner jar(String name) throws Exception {
    return JarRunner.inHome(Files.createDirectories(homes.resolve(name)))
        .env("CEXSAFE_REGULATORS_FCA_API_KEY", FCA_KEY)
        .env("CEXSAFE_REGULATORS_FCA_EMAIL", "hostile@example.org");
  }

  private static LoopbackMirror defiLlama(String hacks) {
    return new LoopbackMirror()
        .json("/llama/cexs", "defillama/cexs.json")
        .json("/llama/protocol/crypto-com", "defillama/protocol-crypto-com.json")
        .text("/llama/hacks", "application/json", hacks)
        .json("/stablecoins/stablecoins", "defillama/stablecoins.json");
  }

  private static String[] args(LoopbackMirror mirror, List<String> extra, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    List<String> settings = new ArrayList<>(extra);
    settings.addAll(
        List.of(
            "http.max-attempts=1",
            "reviews.enabled=false",
            "defillama.base-url=" + mirror.baseUrl("/llama"),
            "defillama.stablecoins-url=" + mirror.baseUrl("/stablecoins"),
            "regulators.fca.base-url=" + mirror.baseUrl("/fca/V0.1"),
            "regulators.esma.base-url=" + mirror.baseUrl("/esma"),
            "regulators.fincen.base-url=" + mirror.baseUrl("/fincen"),
            "regulators.vara.base-url=" + mirror.baseUrl("/vara"),
            "regulators.austrac.base-url=" + mirror.baseUrl("/austrac/vaspr"),
            "regulators.mas.base-url=" + mirror.baseUrl("/mas/fid"),
            "regulators.fintrac.base-url=" + mirror.baseUrl("/fintrac")));
    for (String setting : settings) {
      args.add("--set");
      args.add(setting);
    }
    return args.toArray(String[]::new);
  }

  private static JsonNode bundle(JarRunner.Result result) throws Exception {
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.leaksJava()).as(result.describe()).isFalse();
    return JSON.readTree(result.stdout()).at("/assessments/0/bundle");
  }

  private static JsonNode outcome(JsonNode bundle, String collector) {
    return StreamSupport.stream(bundle.get("outcomes").spliterator(), false)
        .filter(o -> o.get("collectorId").asText().equals(collector))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + collector));
  }

  private static List<JsonNode> facts(JsonNode bundle, String collector, String type) {
    return StreamSupport.stream(bundle.get("evidence").spliterator(), false)
        .filter(e -> e.at("/provenance/collectorId").asText().equals(collector))
        .map(e -> e.get("fact"))
        .filter(f -> f.get("type").asText().equals(type))
        .toList();
  }

  @Test
  void aNumberNoTypeCanHoldDropsOnlyItsOwnFact() throws Exception {
    String hacks = LoopbackMirror.fixture("defillama/hacks.json").trim();
    String unrepresentable =
        "{\"date\": 1650000000, \"name\": \"Crypto.com\", \"classification\": \"Infrastructure\","
            + " \"technique\": \"Hostile amount\", \"amount\": 1e999999, \"chain\": [\"Ethereum\"],"
            + " \"bridgeHack\": false, \"targetType\": \"CEX\", \"source\": null,"
            + " \"returnedFunds\": null, \"defillamaId\": \"2270\", \"language\": null},";
    hacks = "[" + unrepresentable + hacks.substring(1);
    try (LoopbackMirror mirror = defiLlama(hacks)) {
      mirror.start();
      JsonNode bundle =
          bundle(
              jar("number")
                  .run(
                      args(
                          mirror,
                          List.of("regulators.enabled=false"),
                          "assess",
                          "crypto-com",
                          "--format",
                          "json")));

      JsonNode defillama = outcome(bundle, "defillama");
      assertThat(defillama.get("status").asText()).isEqualTo("partial");
      assertThat(defillama.get("problems").toString())
          .containsIgnoringCase("1e+999999")
          .contains("cannot be represented");
      assertThat(facts(bundle, "defillama", "incident").stream().map(JsonNode::toString).toList())
          .anyMatch(text -> text.contains("2FA Bypass"))
          .noneMatch(text -> text.contains("Hostile amount"));
      assertThat(facts(bundle, "defillama", "reserve-snapshot")).isNotEmpty();
    }
  }

  @Test
  void aFailingRegisterCostsOnlyItself() throws Exception {
    try (LoopbackMirror mirror = defiLlama("[]").registers()) {
      mirror.answer(
          "/esma/CASPS.csv",
          new MockResponse.Builder().code(500).body("internal error at the register").build());
      mirror.start();
      JsonNode bundle =
          bundle(
              jar("register")
                  .run(
                      args(
                          mirror,
                          List.of("defillama.enabled=false"),
                          "assess",
                          "crypto-com",
                          "--format",
                          "json")));

      JsonNode regulators = outcome(bundle, "regulators");
      assertThat(regulators.get("status").asText()).isEqualTo("partial");
      assertThat(regulators.toString()).contains("esma");
      assertThat(facts(bundle, "regulators", "licence"))
          .anyMatch(f -> f.get("regulator").asText().equals("FCA"))
          .anyMatch(f -> f.get("regulator").asText().equals("FinCEN"));
    }
  }

  @Test
  void aKeyedSourceRedirectingToAnotherHostSendsItNothing() throws Exception {
    try (LoopbackMirror elsewhere = new LoopbackMirror();
        LoopbackMirror mirror = defiLlama("[]").registers()) {
      elsewhere.json("/steal/Firm/941745", "registers/fca-firm-941745.json");
      elsewhere.start();
      mirror.answer(
          "/fca/V0.1/Firm/941745",
          new MockResponse.Builder()
              .code(302)
              .setHeader("Location", elsewhere.baseUrl("/steal/Firm/941745"))
              .build());
      mirror.start();
      JarRunner.Result result =
          jar("redirect")
              .run(
                  args(
                      mirror,
                      List.of("defillama.enabled=false"),
                      "assess",
                      "crypto-com",
                      "--format",
                      "json"));
      JsonNode bundle = bundle(result);

      assertThat(elsewhere.received()).as("requests at the other host").isEmpty();
      assertThat(outcome(bundle, "regulators").toString()).contains("redirect");
      assertThat(result.stdout()).doesNotContain(FCA_KEY);
      assertThat(result.stderr()).doesNotContain(FCA_KEY);
      assertThat(mirror.receivedUnder("/fca"))
          .isNotEmpty()
          .allMatch(r -> FCA_KEY.equals(r.header("X-Auth-Key")));
    }
  }

  @Test
  void processesSharingOneCacheSurviveOneKilledMidRun() throws Exception {
    Path cache = Files.createDirectories(homes.resolve("shared-cache"));
    try (LoopbackMirror mirror = defiLlama(LoopbackMirror.fixture("defillama/hacks.json"))) {
      mirror.start();
      List<String> shared =
          List.of("regulators.enabled=false", "http.cache.dir=" + cache.toAbsolutePath());
      String[] command = args(mirror, shared, "assess", "crypto-com", "--format", "json");

      Process victim = jar("victim").start(command);
      List<CompletableFuture<JarRunner.Result>> survivors = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        JarRunner runner = jar("survivor-" + i);
        survivors.add(CompletableFuture.supplyAsync(() -> runner.run(command)));
      }
      victim.waitFor(1500, TimeUnit.MILLISECONDS);
      victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      List<String> scores = new ArrayList<>();
      for (CompletableFuture<JarRunner.Result> survivor : survivors) {
        JsonNode bundle = bundle(survivor.get(90, TimeUnit.SECONDS));
        assertThat(outcome(bundle, "defillama").get("status").asText()).isEqualTo("ok");
        scores.add(
            JSON.readTree(survivor.get().stdout())
                .at("/assessments/0/scorecard/estimate")
                .toString());
      }
      assertThat(scores).as("every survivor scores the same").containsOnly(scores.get(0));

      JarRunner.Result after = jar("after").run(command);
      assertThat(outcome(bundle(after), "defillama").get("status").asText()).isEqualTo("ok");
    }
  }
}
