package io.cexsafe.collectors.reviews;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewsIdentityLookupsTest {
  /** Our own search answer in the real shape: the app, its US arm's app, and a non-app result. */
  private static final String SEARCH =
      """
      {"resultCount": 3, "results": [
        {"wrapperType": "software", "kind": "software", "trackId": 1436799971,
         "trackName": "Binance: Buy Bitcoin & Crypto", "sellerName": "Binance Ltd",
         "bundleId": "com.example.binance", "primaryGenreName": "Finance",
         "trackViewUrl": "https://apps.example/app/id1436799971"},
        {"wrapperType": "software", "kind": "software", "trackId": 1492670702,
         "trackName": "Binance.US: Buy Bitcoin & ETH", "sellerName": "BAM Trading Services Inc.",
         "bundleId": "com.example.binanceus", "primaryGenreName": "Finance"},
        {"wrapperType": "track", "trackId": 42, "trackName": "Binance (Song)"}
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
    return ReviewsIdentityLookups.fromConfig(
            Config.of(
                Map.of(
                    "apple-lookup.base-url",
                    server.url("/apple").toString(),
                    "apple.storefronts",
                    "gb,us")))
        .get(0);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "text/javascript; charset=utf-8")
        .body(body)
        .build();
  }

  @Test
  void appsAreCandidatesWithTitleSellerTrackIdAndBundle() throws Exception {
    server.enqueue(json(200, SEARCH));

    List<IdentityCandidate> apps = lookup().search("Binance US", http);

    assertThat(apps).hasSize(2);
    assertThat(apps.get(0).names())
        .containsExactly(
            new NameField("trackName", "Binance: Buy Bitcoin & Crypto"),
            new NameField("sellerName", "Binance Ltd"));
    assertThat(apps.get(0).identifiers())
        .containsExactly(
            new ExchangeIdentifier("apple.id", "1436799971", "Binance Ltd", null),
            new ExchangeIdentifier("apple.bundle", "com.example.binance", "Binance Ltd", null));
    assertThat(apps.get(0).sourceUrl()).isEqualTo("https://apps.example/app/id1436799971");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget())
        .isEqualTo("/apple/search?term=Binance+US&country=gb&entity=software&limit=25");
  }

  @Test
  void theUsArmsAppIsNeverTakenForTheExchange() {
    server.enqueue(json(200, SEARCH));

    Resolution resolution = IdentityMatcher.of(List.of(lookup())).resolve("Binance", http);

    assertThat(resolution.accepted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(MatchKind.IDENTICAL);
              assertThat(m.field()).isEqualTo(new NameField("trackName (title)", "Binance"));
            });
    assertThat(resolution.identifiers())
        .extracting(ExchangeIdentifier::value)
        .containsExactly("1436799971", "com.example.binance");
    assertThat(resolution.related())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(MatchKind.REGIONAL_ARM);
              assertThat(m.candidate().identifiers().get(0).value()).isEqualTo("1492670702");
            });
  }

  @Test
  void errorsAndMalformedAnswersAreFailures() {
    server.enqueue(json(503, ""));
    assertThatThrownBy(() -> lookup().search("Binance", http))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.HTTP_SERVER_ERROR);

    server.enqueue(json(200, "{\"resultCount\": 0}"));
    assertThatThrownBy(() -> lookup().search("Binance", http))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("no \"results\" array");

    server.enqueue(json(200, "<html>blocked</html>"));
    assertThatThrownBy(() -> lookup().search("Binance", http))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(ReasonCode.MALFORMED_RESPONSE);
  }

  @Test
  void aSwitchedOffLookupIsLeftOut() {
    assertThat(
            ReviewsIdentityLookups.fromConfig(Config.of(Map.of("apple-lookup.enabled", "false"))))
        .isEmpty();
  }
}
