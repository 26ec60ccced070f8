package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar resolving exchanges outside the catalogue against loopback mirrors of DeFiLlama's
 * CEX list, ESMA's CASP file, the FCA search and Apple's search: {@code catalog discover} with
 * near-miss names (Gate and Gate.io, Binance and Binance.US), failing sources, and {@code assess
 * --name} flagged as an unreviewed identity in every format.
 */
class IdentityResolutionIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path homes;
  private static LoopbackMirror mirror;

  @BeforeAll
  static void startTheMirror() {
    mirror = new LoopbackMirror();
    mirror
        .json("/llama/cexs", "identity/cexs.json")
        .serve("/esma/CASPS.csv", "text/csv; charset=utf-8", "identity/esma-CASPS.csv")
        .json("/fca/V0.1/Search", "identity/fca-search.json")
        .json("/apple/search", "identity/apple-search.json")
        .answer("/llama-down/cexs", new MockResponse.Builder().code(500).body("down").build())
        .answer(
            "/fca-limited/V0.1/Search",
            new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build())
        .text("/apple-garbage/search", "text/html", "<html><body>Not today</body></html>");
    mirror.start();
  }

  @AfterAll
  static void stopTheMirror() {
    if (mirror != null) {
      mirror.close();
    }
  }

  private static JarRunner jar(String name) throws Exception {
    return JarRunner.inHome(Files.createDirectories(homes.resolve(name)))
        .env("CEXSAFE_REGULATORS_FCA_API_KEY", "e2e-identity-key")
        .env("CEXSAFE_REGULATORS_FCA_EMAIL", "e2e@example.org");
  }

  private static String[] mirroredAt(String llama, String fca, String apple, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    for (String setting :
        List.of(
            "http.max-attempts=1",
            "defillama.base-url=" + mirror.baseUrl(llama),
            "defillama.stablecoins-url=" + mirror.baseUrl("/stablecoins"),
            "regulators.esma.base-url=" + mirror.baseUrl("/esma"),
            "regulators.fca.base-url=" + mirror.baseUrl(fca),
            "regulators.fincen.enabled=false",
            "regulators.vara.enabled=false",
            "regulators.austrac.enabled=false",
            "regulators.mas.enabled=false",
            "regulators.fintrac.enabled=false",
            "reviews.apple-lookup.base-url=" + mirror.baseUrl(apple),
            "reviews.apple-reviews.enabled=false",
            "reviews.play-details.enabled=false",
            "reviews.play-reviews.enabled=false",
            "reviews.apple.storefronts=us")) {
      args.add("--set");
      args.add(setting);
    }
    return args.toArray(String[]::new);
  }

  private static String[] withMirrors(String... command) {
    return mirroredAt("/llama", "/fca/V0.1", "/apple", command);
  }

  private static JsonNode proposal(JsonNode file, String query) {
    return StreamSupport.stream(file.at("/review/proposals").spliterator(), false)
        .filter(p -> p.get("query").asText().equals(query))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no proposal for " + query + " in " + file));
  }

  private static JsonNode entry(JsonNode file, String id) {
    return StreamSupport.stream(file.get("exchanges").spliterator(), false)
        .filter(e -> e.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + id + " in " + file));
  }

  private static List<String> identifiers(JsonNode entry) {
    return StreamSupport.stream(entry.get("identifiers").spliterator(), false)
        .map(i -> i.get("scheme").asText() + " " + i.get("value").asText())
        .toList();
  }

  @Test
  void discoverProposesEntriesWithEvidenceAndNeverMergesNearMisses() throws Exception {
    int listReads = mirror.receivedUnder("/llama/cexs").size();
    int fileReads = mirror.receivedUnder("/esma/CASPS.csv").size();
    Path home = Files.createDirectories(homes.resolve("discover-out"));
    Path out = home.resolve("proposed.json");
    JarRunner.Result run =
        jar("discover")
            .run(
                withMirrors(
                    "catalog",
                    "discover",
                    "Gate",
                    "Binance.US",
                    "Zeta Exchange",
                    "Nosuch Exchange",
                    "-o",
                    out.toString()));

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.leaksJava()).as(run.describe()).isFalse();
    // Gate is a bundled entry (slug gate, alias Gate.io): nothing to propose for it
    assertThat(run.stdout()).contains("Wrote 2 proposed entries to " + out);
    JsonNode file = JSON.readTree(out.toFile());

    JsonNode gate = proposal(file, "Gate");
    assertThat(gate.get("action").asText()).isEqualTo("no-change");
    assertThat(gate.at("/accepted/0/evidence").asText()).contains("defillama slug 'Gate'");
    assertThat(file.get("exchanges").findValuesAsText("id")).doesNotContain("gate", "gate-io");

    JsonNode us = proposal(file, "Binance.US");
    assertThat(us.get("exchangeId").asText()).isEqualTo("binance-us");
    // the catalogue now sources Binance US's App Store id, so the mirror's other id is a conflict
    assertThat(identifiers(entry(file, "binance-us")))
        .contains(
            "defillama.slug binance-us",
            "apple.id 1492670702",
            "apple.bundle example.binanceus.app")
        .doesNotContain("defillama.slug binance-cex", "apple.id 1900000002");
    assertThat(us.get("conflicts").findValuesAsText("value")).contains("1900000002");
    assertThat(us.get("related").findValuesAsText("evidence"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("'Binance' is a regional arm (a separate entity) of 'Binance.US'"));

    JsonNode zeta = entry(file, "zeta-exchange");
    assertThat(identifiers(zeta))
        .containsExactlyInAnyOrder(
            "defillama.slug zeta-exchange",
            "esma.lei 5299000ZETAEXAMPLE01",
            "fca.frn 977001",
            "apple.id 1900000001",
            "apple.bundle example.zeta.app");
    assertThat(zeta.at("/entities/0/name").asText()).isEqualTo("Zeta Exchange Europe GmbH");
    assertThat(zeta.at("/identifiers/0/note").asText()).startsWith("unreviewed: ");
    assertThat(proposal(file, "Zeta Exchange").get("accepted").findValuesAsText("source"))
        .containsExactlyInAnyOrder("defillama", "esma", "fca", "apple");

    JsonNode nosuch = proposal(file, "Nosuch Exchange");
    assertThat(nosuch.get("action").asText()).isEqualTo("not-found");
    assertThat(nosuch.get("accepted")).isEmpty();
    assertThat(file.at("/review/notice").asText()).startsWith("Unreviewed proposals.");
    // DeFiLlama's list and ESMA's file were read once for all four names
    assertThat(mirror.receivedUnder("/llama/cexs")).hasSize(listReads + 1);
    assertThat(mirror.receivedUnder("/esma/CASPS.csv")).hasSize(fileReads + 1);

    String before = Files.readString(out, StandardCharsets.UTF_8);
    JarRunner.Result again =
        jar("discover-again")
            .run(withMirrors("catalog", "discover", "Zeta Exchange", "-o", out.toString()));
    assertThat(again.exitCode()).as(again.describe()).isEqualTo(2);
    assertThat(again.stderr()).contains("exists; give --force to replace it");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(before);

    JarRunner.Result forced =
        jar("discover-force")
            .run(
                withMirrors(
                    "catalog", "discover", "Zeta Exchange", "-o", out.toString(), "--force"));
    assertThat(forced.exitCode()).as(forced.describe()).isZero();
    assertThat(JSON.readTree(out.toFile()).get("exchanges")).hasSize(1);

    JarRunner.Result reviewed = jar("discover-load").run("exchanges", "--catalog", out.toString());
    assertThat(reviewed.exitCode()).as(reviewed.describe()).isZero();
    assertThat(reviewed.stdout()).contains("zeta-exchange");
  }

  @Test
  void failingSourcesAreRecordedAndStrictExitsThree() throws Exception {
    Path out = Files.createDirectories(homes.resolve("failing-out")).resolve("proposed.json");
    JarRunner.Result run =
        jar("discover-failing")
            .run(
                mirroredAt(
                    "/llama-down",
                    "/fca-limited/V0.1",
                    "/apple-garbage",
                    "catalog",
                    "discover",
                    "Zeta Exchange",
                    "--strict",
                    "-o",
                    out.toString()));

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(3);
    assertThat(run.leaksJava()).as(run.describe()).isFalse();
    assertThat(run.stderr()).contains("some sources could not be read");
    JsonNode zeta = proposal(JSON.readTree(out.toFile()), "Zeta Exchange");
    assertThat(zeta.get("action").asText()).isEqualTo("new-entry");
    assertThat(zeta.get("accepted").findValuesAsText("source")).containsExactly("esma");
    assertThat(zeta.get("failures").findValuesAsText("reason"))
        .containsExactlyInAnyOrder("http-server-error", "rate-limited", "malformed-response");
  }

  @Test
  void discoverRefusesBadInput() throws Exception {
    JarRunner.Result none = jar("discover-none").run("catalog", "discover", "-o", "x.json");
    assertThat(none.exitCode()).as(none.describe()).isEqualTo(2);
    assertThat(none.stderr()).contains("give exchange names to resolve, or --from-defillama");
    JarRunner.Result blank =
        jar("discover-blank").run("catalog", "discover", "...", "-o", "x.json");
    assertThat(blank.exitCode()).as(blank.describe()).isEqualTo(2);
    assertThat(blank.stderr()).contains("has no letters or digits");
  }

  @Test
  void anAdHocExchangeIsFlaggedUnreviewedInEveryFormat() throws Exception {
    for (String format : List.of("table", "csv", "md", "html")) {
      JarRunner.Result run =
          jar("assess-" + format)
              .run(
                  withMirrors(
                      "assess", "--name", "Zeta Exchange", "--no-progress", "--format", format));
      assertThat(run.exitCode()).as(run.describe()).isZero();
      assertThat(run.leaksJava()).as(run.describe()).isFalse();
      assertThat(run.stdout()).as(format).contains("Zeta Exchange (unreviewed identity)");
      assertThat(run.stderr()).contains("is not in the catalogue; assessing it as zeta-exchange");
    }
    for (String format : List.of("json", "jsonl")) {
      JarRunner.Result run =
          jar("assess-" + format)
              .run(
                  withMirrors(
                      "assess", "--name", "Zeta Exchange", "--no-progress", "--format", format));
      assertThat(run.exitCode()).as(run.describe()).isZero();
      // a JSON report holds its assessments under the envelope; a JSON line is one assessment
      JsonNode document =
          format.equals("json")
              ? JSON.readTree(run.stdout()).at("/assessments/0")
              : JSON.readTree(run.stdout().lines().findFirst().orElseThrow());
      assertThat(document.at("/bundle/exchangeId").asText()).isEqualTo("zeta-exchange");
      assertThat(document.at("/bundle/evidence").findValuesAsText("type"))
          .contains("identity-resolution");
      assertThat(document.at("/scorecard/findings").findValuesAsText("message"))
          .anySatisfy(m -> assertThat(m).startsWith("unreviewed identity: 'Zeta Exchange'"));
    }
  }

  @Test
  void aDefiLlamaSlugOutsideTheCatalogueResolvesAndAnUnknownOneDoesNot() throws Exception {
    JarRunner.Result slug =
        jar("assess-slug")
            .run(withMirrors("assess", "zeta-exchange", "--no-progress", "--format", "json"));
    assertThat(slug.exitCode()).as(slug.describe()).isZero();
    JsonNode document = JSON.readTree(slug.stdout()).at("/assessments/0");
    assertThat(document.at("/scorecard/findings").findValuesAsText("message"))
        .anySatisfy(m -> assertThat(m).startsWith("unreviewed identity"));

    JarRunner.Result unknown =
        jar("assess-unknown").run(withMirrors("assess", "no-such-slug", "--no-progress"));
    assertThat(unknown.exitCode()).as(unknown.describe()).isEqualTo(2);
    assertThat(unknown.stderr())
        .contains("unknown exchange 'no-such-slug'")
        .contains("DeFiLlama lists no exchange with that slug either");
  }

  @Test
  void offlineANameOutsideTheCatalogueIsAClearError() throws Exception {
    JarRunner.Result named =
        jar("assess-offline").run("assess", "--name", "Zeta Exchange", "--offline");
    assertThat(named.exitCode()).as(named.describe()).isEqualTo(2);
    assertThat(named.stderr())
        .isEqualTo(
            "cexsafe: error: 'Zeta Exchange' is not in the catalogue: resolving it needs the"
                + " network (run without --offline) or a catalogue entry (--catalog <file>)"
                + System.lineSeparator());
    JarRunner.Result slug = jar("assess-offline-slug").run("assess", "zeta-exchange", "--offline");
    assertThat(slug.exitCode()).as(slug.describe()).isEqualTo(2);
    assertThat(slug.stderr()).contains("needs the network, or a catalogue entry");
  }
}
