package io.cexsafe.collectors.reviews;

import static io.cexsafe.testing.Fixtures.fixture;

import io.cexsafe.Assessor;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.spi.CollectorRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Serves our fixtures in the shapes of the real endpoints, with per-route overrides. */
final class FixtureServer extends Dispatcher {
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private final Map<String, Function<RecordedRequest, MockResponse>> overrides = new HashMap<>();

  /**
   * Replaces the answer of one route: lookup, apple-reviews, play-details, play-reviews,
   * trustpilot.
   */
  FixtureServer override(String route, Function<RecordedRequest, MockResponse> answer) {
    overrides.put(route, answer);
    return this;
  }

  FixtureServer override(String route, MockResponse answer) {
    return override(route, r -> answer);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String route = route(path);
    if (overrides.containsKey(route)) {
      return overrides.get(route).apply(request);
    }
    return switch (route) {
      case "lookup" -> {
        String country = request.getUrl().queryParameter("country");
        yield json(
            switch (country == null ? "" : country) {
              case "us" -> fixture("apple/lookup-us.json");
              case "gb" -> fixture("apple/lookup-gb.json");
              case "sg" -> fixture("apple/lookup-no-ratings.json");
              default -> fixture("apple/lookup-not-sold.json");
            });
      }
      case "apple-reviews" -> {
        if (path.equals("/us/rss/customerreviews/page=1/id=1262148500/sortby=mostrecent/json")) {
          yield json(fixture("apple/reviews-us-page1.json"));
        }
        if (path.equals("/us/rss/customerreviews/page=2/id=1262148500/sortby=mostrecent/json")) {
          yield json(fixture("apple/reviews-us-page2.json"));
        }
        if (path.equals("/gb/rss/customerreviews/page=1/id=1262148500/sortby=mostrecent/json")) {
          yield json(fixture("apple/reviews-gb-page1.json"));
        }
        yield json(fixture("apple/reviews-empty.json"));
      }
      case "play-details" ->
          new MockResponse.Builder()
              .code(200)
              .setHeader("Content-Type", "text/html; charset=utf-8")
              .body(fixture("play/details.html"))
              .build();
      case "play-reviews" -> {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        yield text(
            fixture(
                body.contains("CtgBIs8BAfakeTokenForPageTwo")
                    ? "play/reviews-page2.txt"
                    : "play/reviews-page1.txt"));
      }
      case "trustpilot-find" -> json(fixture("trustpilot/find.json"));
      case "trustpilot-reviews" -> json(fixture("trustpilot/reviews.json"));
      default -> new MockResponse.Builder().code(404).body("no fixture for " + path).build();
    };
  }

  static String route(String path) {
    if (path.equals("/lookup")) {
      return "lookup";
    }
    if (path.contains("/rss/customerreviews/")) {
      return "apple-reviews";
    }
    if (path.equals("/store/apps/details")) {
      return "play-details";
    }
    if (path.equals("/_/PlayStoreUi/data/batchexecute")) {
      return "play-reviews";
    }
    if (path.equals("/v1/business-units/find")) {
      return "trustpilot-find";
    }
    if (path.startsWith("/v1/business-units/") && path.endsWith("/reviews")) {
      return "trustpilot-reviews";
    }
    return "unknown";
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse text(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse html(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .body(body)
        .build();
  }

  /** Settings pointing every source at the server, two storefronts, one review storefront. */
  static Map<String, String> settings(MockWebServer server) {
    String base = server.url("/").toString();
    Map<String, String> settings = new LinkedHashMap<>();
    for (String source :
        new String[] {
          "apple-lookup", "apple-reviews", "play-details", "play-reviews", "trustpilot"
        }) {
      settings.put(source + ".base-url", base);
    }
    settings.put("apple.storefronts", "us,gb");
    settings.put("apple-reviews.storefronts", "us");
    settings.put("apple-reviews.max-pages", "3");
    return settings;
  }

  /** Runs the collector once, as an assessment would, with a fixed clock. */
  static EvidenceBundle collect(Map<String, String> settings, Exchange exchange) {
    return collect(settings, exchange, null);
  }

  /** As {@link #collect(Map, Exchange)}, evaluated as of {@code asOf} (null: now). */
  static EvidenceBundle collect(Map<String, String> settings, Exchange exchange, Instant asOf) {
    Config.Builder config =
        Config.builder()
            .set("http.max-attempts", "1")
            .set("http.connect-timeout", "1s")
            .set("http.read-timeout", "2s")
            .set("http.call-timeout", "5s");
    settings.forEach((key, value) -> config.set("reviews." + key, value));
    Config built = config.build();
    try (Assessor assessor =
        Assessor.builder()
            .collectors(
                CollectorRegistry.builder()
                    .config(built)
                    .register(new ReviewsCollectorProvider())
                    .build())
            .config(built)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .asOf(asOf)
            .collectorTimeout(Duration.ofSeconds(30))
            .build()) {
      return assessor.assess(exchange);
    }
  }
}
