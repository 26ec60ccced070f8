package io.cexsafe.collectors.regulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.Config;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.identity.IdentityCandidate;
import io.cexsafe.identity.IdentityMatcher;
import io.cexsafe.identity.MatchKind;
import io.cexsafe.identity.NameField;
import io.cexsafe.identity.Resolution;
import io.cexsafe.spi.IdentityLookup;
import io.cexsafe.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegulatorsIdentityLookupsTest {
  private MockWebServer server;
  private HttpSupport http;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    http =
        HttpSupport.create(
            HttpSettings.builder()
                .maxAttempts(1)
                .noCache()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(5))
                .build());
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private List<IdentityLookup> lookups(boolean credentials) {
    Map<String, String> settings =
        new java.util.HashMap<>(
            Map.of(
                "esma.base-url", server.url("/esma").toString(),
                "fca.base-url", server.url("/fca/V0.1").toString()));
    if (credentials) {
      settings.put("fca.email", "someone@example.com");
      settings.put("fca.api-key", "fixture-key");
    }
    return RegulatorsIdentityLookups.fromConfig(Config.of(settings));
  }

  private IdentityLookup lookup(String source, boolean credentials) {
    return lookups(credentials).stream()
        .filter(l -> l.source().equals(source))
        .findFirst()
        .orElseThrow();
  }

  private static MockResponse csv(String fixture) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/csv")
        .body(Fixtures.fixture("esma/" + fixture))
        .build();
  }

  @Test
  void esmaListsEachCaspOnceWithItsBrandsLegalNameAndLei() throws Exception {
    server.enqueue(csv("CASPS.csv"));

    List<IdentityCandidate> candidates = lookup("esma", false).search("Bybit", http);

    IdentityCandidate bybit =
        candidates.stream()
            .filter(
                c ->
                    c.identifiers()
                        .contains(
                            new ExchangeIdentifier(
                                "esma.lei", "5299005V5GBSN2A4C303", "Bybit EU GmbH", null)))
            .findFirst()
            .orElseThrow();
    assertThat(bybit.names())
        .containsExactly(
            new NameField("ae_commercial_name", "Bybit"),
            new NameField("ae_lei_name", "Bybit EU GmbH"));
    assertThat(bybit.entity().country()).isEqualTo("AT");
    assertThat(bybit.entity().lei()).isEqualTo("5299005V5GBSN2A4C303");
    assertThat(bybit.status()).isEqualTo("authorised");
    assertThat(candidates.stream().filter(c -> c.name().equals("Dupe Example X"))).hasSize(1);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/esma/CASPS.csv");
    assertThat(request.getMethod()).isEqualTo("GET");
  }

  @Test
  void kraken_sTwoBrandsInOneCellAreSplitAndItsOtherEntityIsOnlyRelated() {
    server.enqueue(csv("CASPS.csv"));

    Resolution resolution =
        IdentityMatcher.of(List.of(lookup("esma", false))).resolve("Kraken", http);

    assertThat(resolution.accepted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(MatchKind.IDENTICAL);
              assertThat(m.field()).isEqualTo(new NameField("ae_commercial_name", "Kraken"));
            });
    assertThat(resolution.identifiers())
        .extracting(ExchangeIdentifier::value)
        .containsExactly("9845003D98SCC2851458");
    assertThat(resolution.related())
        .extracting(m -> m.candidate().identifiers().get(0).value())
        .contains("254900641D8KNHUZYX24");
  }

  @Test
  void esmaServerErrorsAndGarbageAreFailuresWithAReason() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    assertThatThrownBy(() -> lookup("esma", false).search("Bybit", http))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.HTTP_SERVER_ERROR);

    server.enqueue(
        new MockResponse.Builder().code(200).body("<html><body>maintenance</body></html>").build());
    assertThatThrownBy(() -> lookup("esma", false).search("Bybit", http))
        .isInstanceOf(SourceException.class);
  }

  @Test
  void fcaSearchGivesFirmsWithAnFrnAndSendsTheCredentials() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(Fixtures.fixture("fca/search_payward_uk.json"))
            .build());

    List<IdentityCandidate> candidates = lookup("fca", true).search("Exampleton Digital", http);

    assertThat(candidates)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.names())
                  .containsExactly(new NameField("Name", "Exampleton Digital Ltd"));
              assertThat(c.identifiers())
                  .containsExactly(
                      new ExchangeIdentifier("fca.frn", "955001", "Exampleton Digital Ltd", null));
              assertThat(c.status()).isEqualTo("Registered");
              assertThat(c.sourceUrl()).endsWith("/fca/V0.1/Firm/955001");
            });
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/fca/V0.1/Search?q=Exampleton+Digital&type=firm");
    assertThat(request.getHeaders().get("X-Auth-Key")).isEqualTo("fixture-key");
  }

  @Test
  void fcaWithoutCredentialsIsAFailureAndSendsNothing() {
    assertThatThrownBy(() -> lookup("fca", false).search("Kraken", http))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("regulators.fca.api-key")
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MISSING_CREDENTIALS);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void fcaRateLimitIsAFailure() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    assertThatThrownBy(() -> lookup("fca", true).search("Kraken", http))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.RATE_LIMITED);
  }

  @Test
  void switchedOffSourcesAreLeftOut() {
    assertThat(
            RegulatorsIdentityLookups.fromConfig(
                Config.of(Map.of("esma.enabled", "false", "fca.enabled", "false"))))
        .isEmpty();
    assertThat(RegulatorsIdentityLookups.fromConfig(Config.empty()))
        .extracting(IdentityLookup::source)
        .containsExactly("esma", "fca");
  }
}
