package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.Json;
import io.cexsafe.store.EvidenceStore;
import io.cexsafe.store.RunPlan;
import io.cexsafe.store.StoreLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} with exchanges outside the catalogue, resolved like {@code assess --name}, and
 * {@code assess --resume} of a run that held one; in process, against a loopback mirror of
 * DeFiLlama's CEX list, ESMA's CASP file, the FCA search and Apple's search.
 */
class AdHocExchangesInCompareTest {
  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @BeforeEach
  void mirror() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            return switch (path) {
              case "/llama/cexs" -> fixture("cexs.json", "application/json");
              case "/esma/CASPS.csv" -> fixture("esma-CASPS.csv", "text/csv; charset=utf-8");
              case "/fca/V0.1/Search" -> fixture("fca-search.json", "application/json");
              case "/apple/search" -> fixture("apple-search.json", "application/json");
              default -> new MockResponse.Builder().code(404).body("not mirrored").build();
            };
          }
        });
  }

  private static MockResponse fixture(String name, String type) {
    try (InputStream in =
        AdHocExchangesInCompareTest.class.getResourceAsStream("/e2e/identity/" + name)) {
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", type)
          .body(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private CliTest.Result mirrored(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    for (String setting :
        List.of(
            "http.max-attempts=1",
            "defillama.enabled=true",
            "regulators.enabled=true",
            "reviews.enabled=true",
            "defillama.base-url=" + server.url("/llama"),
            "defillama.stablecoins-url=" + server.url("/stablecoins"),
            "regulators.esma.base-url=" + server.url("/esma"),
            "regulators.fca.base-url=" + server.url("/fca/V0.1"),
            "regulators.fca.api-key=test-key",
            "regulators.fca.email=test@example.org",
            "regulators.fincen.enabled=false",
            "regulators.vara.enabled=false",
            "regulators.austrac.enabled=false",
            "regulators.mas.enabled=false",
            "regulators.fintrac.enabled=false",
            "reviews.apple-lookup.base-url=" + server.url("/apple"),
            "reviews.apple-reviews.enabled=false",
            "reviews.play-details.enabled=false",
            "reviews.play-reviews.enabled=false",
            "reviews.apple.storefronts=us",
            "cli-probe.enabled=false")) {
      args.add("--set");
      args.add(setting);
    }
    return CliTest.run(args.toArray(String[]::new));
  }

  @Test
  void compareResolvesANameAndASlugOutsideTheCatalogueAndFlagsThem() throws IOException {
    CliTest.Result table =
        mirrored(
            "compare",
            "kraken",
            "--name",
            "Zeta Exchange",
            "--no-progress",
            "--as-of",
            "2026-12-01");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.err()).contains("is not in the catalogue; assessing it as zeta-exchange");
    assertThat(table.out()).contains("zeta-exchange (unreviewed identity)");
    assertThat(table.out()).doesNotContain("kraken (unreviewed identity)");

    CliTest.Result json =
        mirrored("compare", "kraken", "zeta-exchange", "--no-progress", "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode report = Json.mapper().readTree(json.out());
    List<String> flagged = new ArrayList<>();
    report.findValues("findings").forEach(f -> f.findValuesAsText("message").forEach(flagged::add));
    assertThat(flagged).anySatisfy(m -> assertThat(m).startsWith("unreviewed identity"));
  }

  @Test
  void compareOfflineRefusesANameOutsideTheCatalogue() {
    CliTest.Result offline =
        CliTest.run("compare", "kraken", "--name", "Zeta Exchange", "--offline");
    assertThat(offline.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(offline.err())
        .isEqualTo(
            "cexsafe: error: 'Zeta Exchange' is not in the catalogue: resolving it needs the"
                + " network (run without --offline) or a catalogue entry (--catalog <file>)\n");
    CliTest.Result tooFew = CliTest.run("compare", "--name", "Zeta Exchange", "--offline");
    assertThat(tooFew.code()).isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void resumingARunWithAnAdHocExchangeSaysWhyNot() {
    Path store = dir.resolve("runs.db");
    try (EvidenceStore opened = EvidenceStore.open(StoreLocation.sqlite(store))) {
      opened.startRun(
          new RunPlan(
              "with-ad-hoc",
              Instant.parse("2026-12-01T23:59:59Z"),
              List.of("kraken", "zeta-exchange"),
              Map.of("as-of", "2026-12-01")));
    }
    CliTest.Result resumed =
        CliTest.run("assess", "--resume", "with-ad-hoc", "--offline", "--store", store.toString());
    assertThat(resumed.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(resumed.out()).isEmpty();
    assertThat(resumed.err())
        .startsWith("cexsafe: error: run 'with-ad-hoc' assessed 'zeta-exchange', an exchange")
        .contains("--resume cannot restore that identity")
        .doesNotContain("Exception");
  }
}
