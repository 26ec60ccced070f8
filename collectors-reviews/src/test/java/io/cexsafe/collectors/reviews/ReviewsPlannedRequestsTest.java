package io.cexsafe.collectors.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Config;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.testing.GeneratedCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewsPlannedRequestsTest {
  private static final List<Exchange> RUN = GeneratedCatalog.of(150).all();

  @Test
  void theLookupIsCountedPerStorefrontAndChunkTheFeedsAndPlayPerExchange() {
    // defaults: 6 lookup storefronts, 2 feed storefronts of up to 5 pages, Play page + 2 pages
    assertThat(ReviewsCollector.withDefaults().plannedRequests(RUN))
        .contains(Map.of("itunes.apple.com", 2 * 6 + 150 * 2 * 5, "play.google.com", 150 * 3));
  }

  @Test
  void anExchangeKnownOnlyByItsBundleIsLookedUpAloneInEveryStorefront() {
    List<Exchange> run = new ArrayList<>(RUN.subList(0, 3));
    run.add(
        new Exchange(
            "bundled-only",
            "Bundle",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(new ExchangeIdentifier("apple.bundle", "com.example.app"))));
    ReviewsCollector lookupOnly =
        ReviewsCollector.create(
            Config.builder()
                .set("apple-reviews.enabled", "false")
                .set("play-details.enabled", "false")
                .set("play-reviews.enabled", "false")
                .set("apple.storefronts", "us,gb")
                .build());
    assertThat(lookupOnly.plannedRequests(run)).contains(Map.of("itunes.apple.com", 2 + 2));
  }

  @Test
  void trustpilotCountsOnlyWithAKeyAndSourcesFollowTheirBaseUrl() {
    ReviewsCollector keyed =
        ReviewsCollector.create(
            Config.builder()
                .set("apple-lookup.enabled", "false")
                .set("apple-reviews.enabled", "false")
                .set("play-details.base-url", "http://127.0.0.1:9/")
                .set("play-reviews.enabled", "false")
                .set("trustpilot.api-key", "k")
                .build());
    assertThat(keyed.plannedRequests(RUN.subList(0, 10)))
        .contains(Map.of("127.0.0.1", 10, "api.trustpilot.com", 10 * 2));
    assertThat(ReviewsCollector.withDefaults().plannedRequests(List.of())).contains(Map.of());
  }
}
