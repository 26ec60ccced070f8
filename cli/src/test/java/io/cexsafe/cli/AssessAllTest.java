package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Json;
import io.cexsafe.testing.GeneratedCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --all} over a catalogue of any size, and the estimate printed before a run. */
class AssessAllTest {
  private static final int GENERATED = 120;

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path dir;
  private Path catalog;
  private int catalogSize;

  @BeforeEach
  void writeCatalogue() {
    catalog = GeneratedCatalog.writeFile(GENERATED, dir.resolve("generated.json"));
    catalogSize = ExchangeCatalog.bundled().extendedWith(ExchangeCatalog.load(catalog)).size();
  }

  @Test
  void assessAllOfflineCoversEveryCatalogueEntryOnceInIdOrder() {
    CliTest.Result result =
        CliTest.run(
            "assess",
            "--all",
            "--offline",
            "--no-progress",
            "--catalog",
            catalog.toString(),
            "--as-of",
            "2026-12-01",
            "--format",
            "jsonl");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    List<String> ids = new ArrayList<>();
    for (String line : result.out().split("\n")) {
      ids.add(Json.read(line, "line", JsonNode.class).path("bundle").path("exchangeId").asText());
    }
    assertThat(ids).hasSize(catalogSize).doesNotHaveDuplicates().isSorted();
    assertThat(ids).contains("crypto-com", GeneratedCatalog.id(1), GeneratedCatalog.id(GENERATED));
  }

  @Test
  void compareAllOfflineRanksEveryCatalogueEntry() {
    CliTest.Result result =
        CliTest.run(
            "compare",
            "--all",
            "--offline",
            "--no-progress",
            "--catalog",
            catalog.toString(),
            "--as-of",
            "2026-12-01",
            "--format",
            "jsonl");

    assertThat(result.code()).as(result.err()).isZero();
    for (int i = 1; i <= GENERATED; i++) {
      assertThat(result.out()).contains("\"" + GeneratedCatalog.id(i) + "\"");
    }
  }

  @Test
  void namesAndAllTogetherOrNeitherAreBadInput() {
    CliTest.Result both = CliTest.run("assess", "--all", "kraken", "--offline");
    assertThat(both.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(both.err())
        .isEqualTo(
            "cexsafe: error: give exchange names or --all, not both (got --all and kraken)\n");
    assertThat(both.out()).isEmpty();

    CliTest.Result none = CliTest.run("assess", "--offline");
    assertThat(none.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(none.err()).contains("name at least one exchange").contains("--all");

    CliTest.Result one = CliTest.run("compare", "kraken", "--offline");
    assertThat(one.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(one.err()).contains("name at least 2 exchanges").contains("--all");

    CliTest.Result same = CliTest.run("compare", "kraken", "Kraken", "--offline");
    assertThat(same.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(same.err()).contains("compare needs two different exchanges");
  }

  /** A run whose only planning source is Apple's lookup, pointed at the loopback server. */
  private CliTest.Result lookupOnlyRun(String... extra) {
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"resultCount\":0,\"results\":[]}")
                .build();
          }
        });
    List<String> args =
        new ArrayList<>(
            List.of(
                "assess",
                GeneratedCatalog.id(1),
                GeneratedCatalog.id(2),
                GeneratedCatalog.id(3),
                "--catalog",
                catalog.toString(),
                "--set",
                "defillama.enabled=false",
                "--set",
                "regulators.enabled=false",
                "--set",
                "cli-probe.enabled=false",
                "--set",
                "reviews.enabled=true",
                "--set",
                "reviews.apple-lookup.base-url=" + server.url("/"),
                "--set",
                "reviews.apple-reviews.enabled=false",
                "--set",
                "reviews.play-details.enabled=false",
                "--set",
                "reviews.play-reviews.enabled=false",
                "--set",
                "http.max-attempts=1",
                "--format",
                "json"));
    args.addAll(List.of(extra));
    return CliTest.run(args.toArray(String[]::new));
  }

  @Test
  void theEstimateComesFirstOnStderrAndCountsWhatTheRunAsks() throws Exception {
    CliTest.Result result = lookupOnlyRun("--progress");

    assertThat(result.code()).as(result.err()).isZero();
    String host = server.url("/").host();
    // six storefronts, one batched lookup each for the three exchanges
    assertThat(result.err())
        .startsWith(
            "cexsafe: expected run time: 3 exchanges: about 0.5 s, 6 requests ("
                + host
                + ": 6 (4 at a time) ≈ 0.5 s)\n");
    int lookups = 0;
    RecordedRequest request;
    while ((request = server.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
      if (request.getUrl().encodedPath().equals("/lookup")) {
        lookups++;
        assertThat(request.getUrl().queryParameter("id"))
            .isEqualTo(
                List.of(1, 2, 3).stream()
                    .map(i -> Long.toString(GeneratedCatalog.FIRST_APPLE_ID + i))
                    .reduce((a, b) -> a + "," + b)
                    .orElseThrow());
      }
    }
    assertThat(lookups).isEqualTo(6);
  }

  @Test
  void noEstimateWithoutProgressNorOffline() {
    assertThat(lookupOnlyRun("--no-progress").err()).doesNotContain("expected run time");
    CliTest.Result offline =
        CliTest.run(
            "assess",
            "--all",
            "--offline",
            "--progress",
            "--catalog",
            catalog.toString(),
            "--format",
            "json");
    assertThat(offline.code()).isZero();
    assertThat(offline.err()).doesNotContain("expected run time");
  }
}
