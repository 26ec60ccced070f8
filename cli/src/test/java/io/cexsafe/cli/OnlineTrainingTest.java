package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher's online training ({@link OnlineTraining}): a real online assess against a loopback
 * server it starts, which reaches nothing else, keeps nothing and is no user command.
 */
class OnlineTrainingTest {
  private static final Instant TODAY = Instant.parse("2026-12-07T00:00:00Z");

  @Test
  void assessesTwoTrackedExchangesOnlineAgainstLoopbackOnly() throws IOException {
    Set<URI> asked = ConcurrentHashMap.newKeySet();
    List<String> served = new CopyOnWriteArrayList<>();
    ProxySelector original = ProxySelector.getDefault();
    // every HTTP call asks the default proxy selector for its route: a recorder sees them all
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            asked.add(uri);
            return List.of(Proxy.NO_PROXY);
          }

          @Override
          public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        });
    List<Path> cachesBefore = trainingCaches();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try {
      code = OnlineTraining.run(new PrintWriter(out), new PrintWriter(err), served::add);
    } finally {
      ProxySelector.setDefault(original);
    }

    assertThat(code).as(err.toString()).isZero();
    assertThat(asked).isNotEmpty();
    assertThat(asked)
        .as("nothing but the loopback server is called")
        .allSatisfy(uri -> assertThat(uri.getHost()).isEqualTo("127.0.0.1"));
    assertThat(served)
        .contains("/cexs", "/hacks", "/stablecoins")
        .anySatisfy(path -> assertThat(path).startsWith("/protocol/"))
        .anySatisfy(path -> assertThat(path).startsWith("/inflows/"));
    assertThat(trainingCaches()).as("the response cache is deleted").isEqualTo(cachesBefore);

    List<Exchange> trained = OnlineTraining.trackedExchanges(ExchangeCatalog.bundled());
    String text = out.toString();
    String json = text.substring(text.indexOf("\n{") + 1);
    JsonNode assessments = Json.read(json, "report", JsonNode.class).path("assessments");
    assertThat(assessments).hasSize(OnlineTraining.EXCHANGES);
    for (int i = 0; i < trained.size(); i++) {
      assertThat(text).contains(trained.get(i).name());
      JsonNode bundle = assessments.get(i).path("bundle");
      assertThat(bundle.path("exchangeId").asText()).isEqualTo(trained.get(i).id());
      assertThat(outcome(bundle, "defillama"))
          .as("DeFiLlama's answers are read as real ones: %s", bundle.path("outcomes"))
          .isEqualTo("ok");
    }
  }

  @Test
  void everyUrlSettingPointsAtTheServerAndEverySwitchIsOn() {
    assertThat(OnlineTraining.urlSettings())
        .contains(
            "defillama.base-url",
            "defillama.pro-base-url",
            "defillama.stablecoins-url",
            "regulators.esma.base-url",
            "reviews.apple-lookup.base-url")
        .allSatisfy(key -> assertThat(key).endsWith("-url"));
    assertThat(OnlineTraining.switches())
        .contains("defillama.enabled", "regulators.enabled", "reviews.enabled")
        .allSatisfy(key -> assertThat(key).endsWith(".enabled"));
  }

  @Test
  void answersDefiLlamaShapesAndNotFoundForAnythingElse() {
    List<Exchange> exchanges = OnlineTraining.trackedExchanges(ExchangeCatalog.bundled());
    String slug = exchanges.get(1).identifier("defillama.slug").orElseThrow();
    JsonNode protocol =
        Json.read(
            OnlineTraining.body("/protocol/" + slug, exchanges, TODAY), "protocol", JsonNode.class);
    assertThat(protocol.path("tvl")).hasSize(31);
    assertThat(protocol.path("tvl").get(30).path("date").asLong())
        .isEqualTo(TODAY.getEpochSecond());
    JsonNode cexs =
        Json.read(OnlineTraining.body("/cexs", exchanges, TODAY), "cexs", JsonNode.class);
    assertThat(cexs.path("cexs")).hasSize(OnlineTraining.EXCHANGES);
    assertThat(cexs.path("cexs").get(1).path("slug").asText()).isEqualTo(slug);

    assertThat(OnlineTraining.body("/protocol/no-such-slug", exchanges, TODAY)).isNull();
    assertThat(OnlineTraining.body("/register/search", exchanges, TODAY)).isNull();
  }

  @Test
  void aCatalogueWithTooFewTrackedExchangesFailsTheTraining() {
    ExchangeCatalog untracked =
        ExchangeCatalog.of(
            ExchangeCatalog.bundled().all().stream()
                .filter(e -> e.identifier("defillama.slug").isEmpty())
                .limit(3)
                .toList());
    assertThatThrownBy(() -> OnlineTraining.trackedExchanges(untracked))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DeFiLlama slug");
  }

  @Test
  void isNoUserCommand() {
    CliTest.Result help = CliTest.run("help");
    assertThat(help.out()).doesNotContainIgnoringCase("training");
    CliTest.Result asCommand = CliTest.run("OnlineTraining");
    assertThat(asCommand.code()).isEqualTo(Main.BAD_INPUT);
  }

  private static String outcome(JsonNode bundle, String collectorId) {
    for (JsonNode outcome : bundle.path("outcomes")) {
      if (outcome.path("collectorId").asText().equals(collectorId)) {
        return outcome.path("status").asText();
      }
    }
    return "absent";
  }

  private static List<Path> trainingCaches() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("cexsafe-training"))
          .sorted()
          .toList();
    }
  }
}
