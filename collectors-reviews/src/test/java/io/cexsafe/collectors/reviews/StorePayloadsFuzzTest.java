package io.cexsafe.collectors.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Json;
import io.cexsafe.ReasonCode;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.testing.InMemoryContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the app-store answers: Apple's lookup JSON and customer-review feed,
 * Google Play's details page and its review RPC answer. One answer is the fuzz input, the others
 * are our fixtures, and the whole collector runs for Crypto.com (the fixtures' app), rating maths
 * and review themes included. Failures are data by the collector contract, so nothing may escape
 * {@code collect}, and every piece of evidence must survive a JSON round trip. Seeds under {@code
 * StorePayloadsFuzzTestInputs/<method>/}; see docs/fuzzing.md.
 */
class StorePayloadsFuzzTest {
  private static final String BASE = "https://store.example/";
  private static final Exchange CRYPTO_COM = ExchangeCatalog.bundled().get("crypto-com");
  private static final ReviewsCollector COLLECTOR =
      ReviewsCollector.create(
          Config.builder()
              .set("apple-lookup.base-url", BASE)
              .set("apple-reviews.base-url", BASE)
              .set("play-details.base-url", BASE)
              .set("play-reviews.base-url", BASE)
              .set("apple.storefronts", "us")
              .set("apple-reviews.storefronts", "us")
              .set("apple-reviews.max-pages", "2")
              .build());
  private static final byte[] LOOKUP = fixture("apple/lookup-us.json");
  private static final byte[] APPLE_REVIEWS = fixture("apple/reviews-us-page2.json");
  private static final byte[] PLAY_DETAILS = fixture("play/details.html");
  private static final byte[] PLAY_REVIEWS = fixture("play/reviews-page2.txt");

  @FuzzTest(maxDuration = "5m")
  void appleLookup(byte[] body) {
    collect("lookup", body, "application/json; charset=utf-8");
  }

  @FuzzTest(maxDuration = "5m")
  void appleReviews(byte[] body) {
    collect("apple-reviews", body, "application/json; charset=utf-8");
  }

  @FuzzTest(maxDuration = "5m")
  void playDetails(byte[] body) {
    collect("play-details", body, "text/html; charset=utf-8");
  }

  @FuzzTest(maxDuration = "5m")
  void playReviews(byte[] body) {
    collect("play-reviews", body, "application/json; charset=utf-8");
  }

  /** Found by {@link #appleLookup}: Jackson's NumberFormatException escaped the collector. */
  @Test
  void anAppleLookupWithAnUnreadableNumberIsAMalformedAnswer() {
    byte[] body =
        "{\"resultCount\":1,\"results\":[{\"averageUserRating\":4.5E16185784339904785}]}"
            .getBytes(StandardCharsets.UTF_8);

    CollectionResult result = collect("lookup", body, "application/json");

    assertThat(result.problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(problem.message()).contains("a number that cannot be read");
            });
  }

  private static CollectionResult collect(String fuzzedRoute, byte[] fuzzed, String contentType) {
    InMemoryContext context =
        new InMemoryContext(
            uri -> {
              String route = FixtureServer.route(uri.getPath());
              return route.equals(fuzzedRoute) ? fuzzed : fixtureFor(route, uri);
            },
            contentType);
    CollectionResult result = COLLECTOR.collect(CRYPTO_COM, context);
    for (Evidence evidence : result.evidence()) {
      Json.read(Json.write(evidence), "round trip", Evidence.class);
    }
    return result;
  }

  private static byte[] fixtureFor(String route, URI uri) {
    return switch (route) {
      case "lookup" -> LOOKUP;
      case "apple-reviews" -> APPLE_REVIEWS;
      case "play-details" -> PLAY_DETAILS;
      case "play-reviews" -> PLAY_REVIEWS;
      default -> throw new AssertionError("unexpected request for " + uri);
    };
  }

  private static byte[] fixture(String name) {
    String resource = "/fixtures/" + name;
    try (InputStream in = StorePayloadsFuzzTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
