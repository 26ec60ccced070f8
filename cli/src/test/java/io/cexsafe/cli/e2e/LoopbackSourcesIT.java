package io.cexsafe.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar against loopback mirrors of every online source: DeFiLlama, each register the
 * regulators collector reads, the App Store, Google Play and Trustpilot. Each command runs once, in
 * its own home (so no run is answered from another's HTTP cache).
 */
class LoopbackSourcesIT {
  private static final String FCA_KEY = "e2e-fca-key-7Qx";
  private static final String FCA_EMAIL = "e2e@example.org";
  private static final String TRUSTPILOT_KEY = "e2e-trustpilot-key-9Zr";
  private static final String APPLE_FEED =
      "/apple/us/rss/customerreviews/page=1/id=1262148500/sortby=mostrecent/json";
  private static final String TRUSTPILOT_UNIT = "6e2e6e2e6e2e6e2e6e2e6e2e";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir static Path homes;
  private static LoopbackMirror mirror;
  private static JarRunner.Result assess;
  private static JarRunner.Result licences;
  private static JarRunner.Result licensedIn;
  private static List<LoopbackMirror.Received> assessRequests;

  @BeforeAll
  static void runTheJarAgainstTheMirrors() throws Exception {
    mirror = new LoopbackMirror();
    mirror
        .json("/llama/cexs", "defillama/cexs.json")
        .json("/llama/protocol/crypto-com", "defillama/protocol-crypto-com.json")
        .json("/llama/hacks", "defillama/hacks.json")
        .json("/stablecoins/stablecoins", "defillama/stablecoins.json")
        .registers()
        .json("/apple/lookup", "stores/apple-lookup.json")
        .json(APPLE_FEED, "stores/apple-reviews-us-page1.json")
        .serve("/play/store/apps/details", "text/html; charset=utf-8", "stores/play-details.html")
        .json("/play/_/PlayStoreUi/data/batchexecute", "stores/play-reviews-page1.txt")
        .json("/trustpilot/v1/business-units/find", "stores/trustpilot-find.json")
        .json(
            "/trustpilot/v1/business-units/" + TRUSTPILOT_UNIT + "/reviews",
            "stores/trustpilot-reviews.json");
    mirror.start();

    assess = jar("assess").run(withMirrors("assess", "crypto-com", "--format", "json"));
    assessRequests = mirror.received();
    licences = jar("licences").run(withMirrors("licences", "crypto-com", "--format", "json"));
    licensedIn = jar("licensed-in").run(withMirrors("licensed-in", "AE"));
  }

  @AfterAll
  static void stopTheMirror() {
    if (mirror != null) {
      mirror.close();
    }
  }

  private static JarRunner jar(String name) throws Exception {
    return JarRunner.inHome(Files.createDirectories(homes.resolve(name)))
        .env("CEXSAFE_REGULATORS_FCA_API_KEY", FCA_KEY)
        .env("CEXSAFE_REGULATORS_FCA_EMAIL", FCA_EMAIL)
        .env("CEXSAFE_REVIEWS_TRUSTPILOT_API_KEY", TRUSTPILOT_KEY);
  }

  /** The command followed by {@code --set} for every source's base URL and a one-shot client. */
  private static String[] withMirrors(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    List<String> settings =
        List.of(
            "http.max-attempts=1",
            "defillama.base-url=" + mirror.baseUrl("/llama"),
            "defillama.stablecoins-url=" + mirror.baseUrl("/stablecoins"),
            "regulators.fca.base-url=" + mirror.baseUrl("/fca/V0.1"),
            "regulators.esma.base-url=" + mirror.baseUrl("/esma"),
            "regulators.fincen.base-url=" + mirror.baseUrl("/fincen"),
            "regulators.vara.base-url=" + mirror.baseUrl("/vara"),
            "regulators.austrac.base-url=" + mirror.baseUrl("/austrac/vaspr"),
            "regulators.mas.base-url=" + mirror.baseUrl("/mas/fid"),
            "regulators.fintrac.base-url=" + mirror.baseUrl("/fintrac"),
            "reviews.apple-lookup.base-url=" + mirror.baseUrl("/apple"),
            "reviews.apple-reviews.base-url=" + mirror.baseUrl("/apple"),
            "reviews.play-details.base-url=" + mirror.baseUrl("/play"),
            "reviews.play-reviews.base-url=" + mirror.baseUrl("/play"),
            "reviews.trustpilot.base-url=" + mirror.baseUrl("/trustpilot"),
            "reviews.apple.storefronts=us,gb",
            "reviews.apple-reviews.storefronts=us",
            "reviews.apple-reviews.max-pages=1",
            "reviews.play-reviews.max-pages=1");
    for (String setting : settings) {
      args.add("--set");
      args.add(setting);
    }
    return args.toArray(String[]::new);
  }

  private static JsonNode bundle() throws Exception {
    assertThat(assess.exitCode()).as(assess.describe()).isZero();
    assertThat(assess.leaksJava()).as(assess.describe()).isFalse();
    return JSON.readTree(assess.stdout()).at("/assessments/0/bundle");
  }

  private static JsonNode outcome(String collector) throws Exception {
    return StreamSupport.stream(bundle().get("outcomes").spliterator(), false)
        .filter(o -> o.get("collectorId").asText().equals(collector))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome for " + collector));
  }

  private static List<JsonNode> facts(String collector, String type) throws Exception {
    return StreamSupport.stream(bundle().get("evidence").spliterator(), false)
        .filter(e -> e.at("/provenance/collectorId").asText().equals(collector))
        .map(e -> e.get("fact"))
        .filter(f -> f.get("type").asText().equals(type))
        .toList();
  }

  @Test
  void everyOnlineCollectorSucceedsAgainstItsMirror() throws Exception {
    for (String collector : List.of("defillama", "regulators", "reviews")) {
      assertThat(outcome(collector).get("status").asText())
          .as(collector + ": " + outcome(collector))
          .isEqualTo("ok");
      assertThat(outcome(collector).get("evidenceCount").asInt()).as(collector).isPositive();
    }
  }

  @Test
  void defiLlamaReservesFlowsAndHacksComeFromTheMirror() throws Exception {
    assertThat(facts("defillama", "reserve-snapshot"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("totalUsd").decimalValue()).isEqualByComparingTo("4321000000.5");
              assertThat(f.get("cleanAssetsUsd").decimalValue())
                  .isEqualByComparingTo("3700000000.25");
            });
    assertThat(facts("defillama", "net-flow"))
        .extracting(
            f ->
                f.get("windowHours").asInt()
                    + "h "
                    + f.get("netUsd").decimalValue().toPlainString())
        .containsExactlyInAnyOrder("24h -11000000", "168h 25000000.5", "720h -300000000");
    assertThat(facts("defillama", "reserve-composition")).hasSize(1);
    assertThat(facts("defillama", "incident"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("technique").asText()).isEqualTo("2FA Bypass (e2e mirror)");
              assertThat(f.get("lossUsd").asLong()).isEqualTo(33_000_000L);
            });
  }

  @Test
  void everyRegisterContributesALicence() throws Exception {
    List<JsonNode> licences = facts("regulators", "licence");
    assertThat(licences)
        .extracting(f -> f.get("regulator").asText())
        .contains("FCA", "MFSA", "FinCEN", "VARA", "AUSTRAC", "MAS", "FINTRAC");
    assertThat(licences)
        .extracting(
            f ->
                f.get("regulator").asText()
                    + " "
                    + f.get("jurisdiction").asText()
                    + " "
                    + f.path("identifier").asText("-")
                    + " "
                    + f.get("status").asText())
        .contains(
            "FCA GB 941745 ACTIVE",
            "FCA GB 944788 NOT_FOUND",
            "MFSA MT 2549005CVR5HH70FDO07 ACTIVE",
            "MFSA IT 2549005CVR5HH70FDO07 ACTIVE",
            "FinCEN US - ACTIVE",
            "VARA AE VL/23/10/003 ACTIVE",
            "AUSTRAC AU 76640692735 ACTIVE",
            "MAS SG 250069-FORIS-DAX-ASIA-PTE-LTD ACTIVE",
            "FINTRAC CA M21385577 ACTIVE");
  }

  @Test
  void storesAndTrustpilotFeedRatingsAndThemes() throws Exception {
    assertThat(facts("reviews", "app-rating"))
        .extracting(
            f ->
                f.get("store").asText()
                    + " "
                    + f.get("storefront").asText()
                    + " "
                    + f.get("rating").asText()
                    + " "
                    + f.get("ratingCount").asText())
        .contains("APPLE US 4.41 123456", "APPLE GB 4.41 123456", "GOOGLE_PLAY US 4.31111 2222222");
    JsonNode pooled =
        facts("reviews", "review-themes").stream()
            .filter(f -> f.path("store").isMissingNode() || f.path("store").isNull())
            .findFirst()
            .orElseThrow();
    // three App Store reviews, two from Play and two from Trustpilot
    assertThat(pooled.get("reviewsAnalysed").asInt()).isEqualTo(7);
    assertThat(pooled.get("negativeReviews").asInt()).isEqualTo(4);
  }

  @Test
  void theMirrorsReceivedEveryExpectedRequestWithCredentialsOnlyWhereTheyBelong() {
    assertThat(assessRequests)
        .extracting(LoopbackMirror.Received::target)
        .contains(
            "/llama/cexs",
            "/llama/protocol/crypto-com",
            "/llama/hacks",
            "/stablecoins/stablecoins",
            "/fca/V0.1/Firm/941745",
            "/fca/V0.1/Firm/944788",
            "/fca/V0.1/Search?q=Foris+DAX+UK+Limited&type=firm",
            "/esma/CASPS.csv",
            "/esma/NCASP.csv",
            "/fincen/retrieve.msb.list.php",
            "/vara/en/licenses-and-register/public-register/",
            "/fintrac/reg-eng.csv",
            "/apple/lookup?id=1262148500&country=us&entity=software",
            "/apple/lookup?id=1262148500&country=gb&entity=software",
            APPLE_FEED,
            "/play/store/apps/details?id=co.mona.android&hl=en&gl=us",
            "/trustpilot/v1/business-units/find?name=crypto.com")
        .anyMatch(t -> t.startsWith("/austrac/vaspr/remitters/?searchTerm=76640692735&"))
        .anyMatch(t -> t.startsWith("/mas/fid/custom/resultpartial?") && t.endsWith("&page=1"))
        .anyMatch(t -> t.startsWith("/play/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd"));
    assertThat(assessRequests)
        .as("every request has a fixture: nothing asked for an unknown path")
        .allSatisfy(r -> assertThat(mirror.serves(r.path())).as(r.target()).isTrue());
    assertThat(assessRequests)
        .filteredOn(r -> r.path().startsWith("/fincen/"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.body()).isEqualTo("site=AA");
            });
    assertThat(assessRequests)
        .filteredOn(r -> r.path().startsWith("/play/_/"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).startsWith("f.req=").contains("co.mona.android"));
    for (LoopbackMirror.Received request : assessRequests) {
      boolean fca = request.path().startsWith("/fca/");
      boolean trustpilot = request.path().startsWith("/trustpilot/");
      assertThat(request.header("X-Auth-Key")).as(request.target()).isEqualTo(fca ? FCA_KEY : null);
      assertThat(request.header("X-Auth-Email"))
          .as(request.target())
          .isEqualTo(fca ? FCA_EMAIL : null);
      assertThat(request.header("apikey"))
          .as(request.target())
          .isEqualTo(trustpilot ? TRUSTPILOT_KEY : null);
      assertThat(request.header("User-Agent")).startsWith("cexsafe/");
    }
    assertThat(assess.stdout()).doesNotContain(FCA_KEY, TRUSTPILOT_KEY);
  }

  @Test
  void licencesChecksEveryRegister() throws Exception {
    assertThat(licences.exitCode()).as(licences.describe()).isZero();
    assertThat(licences.leaksJava()).as(licences.describe()).isFalse();
    JsonNode json = JSON.readTree(licences.stdout());
    assertThat(json.get("exchange").asText()).isEqualTo("crypto-com");
    assertThat(json.get("licences"))
        .extracting(l -> l.get("jurisdiction").asText())
        .contains("AE", "AU", "CA", "DE", "FR", "GB", "IT", "MT", "SG", "US");
    assertThat(json.get("outcomes"))
        .filteredOn(o -> o.get("collectorId").asText().equals("regulators"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.get("status").asText()).isEqualTo("ok");
              assertThat(o.get("problems")).isEmpty();
            });
  }

  @Test
  void licensedInListsTheCatalogueAgainstTheRegisters() {
    assertThat(licensedIn.exitCode()).as(licensedIn.describe()).isZero();
    assertThat(licensedIn.leaksJava()).as(licensedIn.describe()).isFalse();
    assertThat(licensedIn.stdout())
        .contains("Licences and registrations in AE")
        .containsPattern(
            "crypto-com +AE +VARA +Foris DAX Middle East FZE \\(Crypto.com\\) +VL/23/10/003 +active")
        .containsPattern("okx +AE +VARA .*VL/23/12/003 +not found \\(CLAIM CONTRADICTED\\)");
  }
}
