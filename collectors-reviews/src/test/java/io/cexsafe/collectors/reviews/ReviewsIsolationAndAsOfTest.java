package io.cexsafe.collectors.reviews;

import static io.cexsafe.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.AppAvailability;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.ReviewThemes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewsIsolationAndAsOfTest {
  private static final Exchange CRYPTO_COM = ExchangeCatalog.bundled().get("crypto-com");

  private MockWebServer server;
  private FixtureServer fixtures;
  private Map<String, String> settings;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    fixtures = new FixtureServer();
    server.setDispatcher(fixtures);
    server.start();
    settings = new LinkedHashMap<>(FixtureServer.settings(server));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> targets() throws InterruptedException {
    List<String> out = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      out.add(request.getTarget());
    }
    return out;
  }

  private static ReviewThemes themes(EvidenceBundle bundle, AppStore store, String storefront) {
    return bundle.facts(ReviewThemes.class).stream()
        .filter(t -> t.store() == store && t.storefront().equals(storefront))
        .findFirst()
        .orElse(null);
  }

  @Test
  void anAppleFeedWithAnUnreadableLastPageStillGivesItsReviews() {
    // a page number too long for an int used to throw out of the parser and fail every source
    String page =
        fixture("apple/reviews-us-page1.json")
            .replace("customerreviews/page=2/id=", "customerreviews/page=99999999999/id=");
    fixtures.override(
        "apple-reviews",
        request ->
            request.getTarget().contains("/us/") && request.getTarget().contains("page=1")
                ? new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/json")
                    .body(page)
                    .build()
                : new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/json")
                    .body(fixture("apple/reviews-empty.json"))
                    .build());
    EvidenceBundle bundle = FixtureServer.collect(settings, CRYPTO_COM);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.problems()).noneMatch(p -> p.reason() == ReasonCode.INTERNAL_ERROR);
    assertThat(themes(bundle, AppStore.APPLE, "US")).isNotNull();
    assertThat(themes(bundle, AppStore.GOOGLE_PLAY, "GLOBAL")).isNotNull();
  }

  @Test
  void inThePastStoreRatingsAreKeptOutAndOnlyOlderReviewsCount() throws Exception {
    Instant asOf = Instant.parse("2026-10-01T00:00:00Z");
    EvidenceBundle bundle = FixtureServer.collect(settings, CRYPTO_COM, asOf);
    CollectorOutcome outcome = bundle.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(bundle.facts(AppRating.class)).isEmpty();
    assertThat(bundle.facts(AppAvailability.class)).isEmpty();
    assertThat(outcome.problems())
        .filteredOn(p -> p.reason() == ReasonCode.NO_HISTORY)
        .extracting(Problem::message)
        .anyMatch(m -> m.startsWith("apple-lookup: kept out: as of 2026-10-01"))
        .anyMatch(m -> m.startsWith("play-details: kept out: as of 2026-10-01"));
    assertThat(targets())
        .noneMatch(t -> t.startsWith("/lookup"))
        .noneMatch(t -> t.startsWith("/store/apps/details"))
        .anyMatch(t -> t.contains("/rss/customerreviews/"));
    ReviewThemes us = themes(bundle, AppStore.APPLE, "US");
    assertThat(us).isNotNull();
    assertThat(us.reviewsAnalysed()).as("the three US reviews dated before October").isEqualTo(3);
    for (Evidence evidence : bundle.evidence()) {
      assertThat(evidence.provenance().observedAt()).isBeforeOrEqualTo(asOf);
    }
  }

  @Test
  void evaluatedNowReviewsDatedAfterAsOfAreLeftOut() {
    Instant asOf = FixtureServer.NOW.minusSeconds(12 * 3600);
    EvidenceBundle all = FixtureServer.collect(settings, CRYPTO_COM);
    EvidenceBundle earlier = FixtureServer.collect(settings, CRYPTO_COM, asOf);
    assertThat(earlier.facts(AppRating.class))
        .as("within a day of the clock the current rating still counts")
        .isNotEmpty();
    assertThat(themes(earlier, AppStore.APPLE, "US").reviewsAnalysed())
        .isEqualTo(themes(all, AppStore.APPLE, "US").reviewsAnalysed() - 1);
    for (Evidence evidence : earlier.evidence()) {
      assertThat(evidence.provenance().observedAt()).isBeforeOrEqualTo(asOf);
    }
  }
}
