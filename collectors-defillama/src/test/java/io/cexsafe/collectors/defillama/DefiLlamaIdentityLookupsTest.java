package io.cexsafe.collectors.defillama;

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
import io.cexsafe.identity.Resolution;
import io.cexsafe.spi.IdentityLookup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefiLlamaIdentityLookupsTest {
  /**
   * Our own /cexs rows in the real shape: a brand, its US arm, a domain-named brand, an untracked
   * one.
   */
  private static final String CEXS =
      """
      {"cexs": [
        {"name": "Binance", "slug": "Binance-CEX", "coinSymbol": "BNB", "currentTvl": 1.5},
        {"name": "Binance US", "slug": "binance-us"},
        {"name": "Gate.io", "slug": "Gate"},
        {"name": "Kraken"},
        {"slug": "nameless"}
      ]}
      """;

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
                .callTimeout(Duration.ofSeconds(5))
                .build());
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private IdentityLookup lookup() {
    return DefiLlamaIdentityLookups.fromConfig(
            Config.of(Map.of("base-url", server.url("/api").toString())))
        .get(0);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void everyNamedRowIsACandidateWithItsLowerCaseSlug() throws Exception {
    server.enqueue(json(200, CEXS));

    List<IdentityCandidate> candidates = lookup().search("Binance", http);

    assertThat(candidates)
        .extracting(IdentityCandidate::name)
        .containsExactly("Binance", "Binance US", "Gate.io", "Kraken");
    assertThat(candidates.get(0).identifiers())
        .containsExactly(new ExchangeIdentifier("defillama.slug", "binance-cex"));
    assertThat(candidates.get(3).identifiers()).isEmpty();
    assertThat(candidates.get(3).status()).isEqualTo("listed without wallet tracking");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/api/cexs");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void nearMissNamesResolveHonestly() {
    server.enqueue(json(200, CEXS));
    server.enqueue(json(200, CEXS));
    IdentityMatcher matcher = IdentityMatcher.of(List.of(lookup()));

    Resolution gate = matcher.resolve("Gate", http);
    // the slug "Gate" says it outright; the name "Gate.io" is the same brand with its domain
    assertThat(gate.matches()).extracting(m -> m.field().value()).first().isEqualTo("Gate");
    assertThat(gate.accepted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(MatchKind.IDENTICAL);
              assertThat(m.field().field()).isEqualTo("slug");
              assertThat(m.candidate().identifiers().get(0).value()).isEqualTo("gate");
            });

    Resolution binance = matcher.resolve("binance-cex", http);
    assertThat(binance.accepted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.field().field()).isEqualTo("slug");
              assertThat(m.kind()).isEqualTo(MatchKind.SAME_IGNORING_PUNCTUATION);
            });
    assertThat(binance.identifiers())
        .extracting(ExchangeIdentifier::value)
        .containsExactly("binance-cex");
  }

  @Test
  void errorsRateLimitsAndMalformedListsAreFailures() {
    server.enqueue(json(429, "{\"message\":\"slow down\"}"));
    assertThatThrownBy(() -> lookup().search("Binance", http))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.RATE_LIMITED);

    server.enqueue(json(200, "{\"message\":\"internal error\"}"));
    assertThatThrownBy(() -> lookup().search("Binance", http))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("no \"cexs\" array")
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MALFORMED_RESPONSE);

    server.enqueue(json(200, "{\"cexs\": [tru"));
    assertThatThrownBy(() -> lookup().search("Binance", http))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MALFORMED_RESPONSE);
  }

  @Test
  void aSwitchedOffListIsLeftOut() {
    assertThat(DefiLlamaIdentityLookups.fromConfig(Config.of(Map.of("cexs.enabled", "false"))))
        .isEmpty();
    assertThat(DefiLlamaIdentityLookups.fromConfig(Config.empty()))
        .extracting(IdentityLookup::source)
        .containsExactly("defillama");
  }
}
