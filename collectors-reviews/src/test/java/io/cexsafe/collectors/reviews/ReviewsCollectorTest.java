package io.cexsafe.collectors.reviews;

import static io.cexsafe.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cexsafe.CollectorOutcome;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.ExchangeIdentifier;
import io.cexsafe.OutcomeStatus;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.AppAvailability;
import io.cexsafe.facts.AppRating;
import io.cexsafe.facts.AppStore;
import io.cexsafe.facts.ReviewTheme;
import io.cexsafe.facts.ReviewThemes;
import io.cexsafe.facts.ThemeShare;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewsCollectorTest {
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
    settings = new java.util.LinkedHashMap<>(FixtureServer.settings(server));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private EvidenceBundle collect() {
    return collect(CRYPTO_COM);
  }

  private EvidenceBundle collect(Exchange exchange) {
    return FixtureServer.collect(settings, exchange);
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  private static CollectorOutcome outcome(EvidenceBundle bundle) {
    return bundle.outcomes().get(0);
  }

  private static Optional<Evidence> rating(
      EvidenceBundle bundle, AppStore store, String storefront) {
    return bundle.evidenceOf(AppRating.class).stream()
        .filter(e -> ((AppRating) e.fact()).store() == store)
        .filter(e -> ((AppRating) e.fact()).storefront().equals(storefront))
        .findFirst();
  }

  private static Optional<ReviewThemes> themes(
      EvidenceBundle bundle, AppStore store, String storefront) {
    return bundle.facts(ReviewThemes.class).stream()
        .filter(t -> t.store() == store && t.storefront().equals(storefront))
        .findFirst();
  }

  @Test
  void readsRatingsPerStorefrontAndPerStoreWithProvenance() throws Exception {
    EvidenceBundle bundle = collect();

    assertThat(outcome(bundle).status()).as("%s", outcome(bundle)).isEqualTo(OutcomeStatus.OK);
    Evidence us = rating(bundle, AppStore.APPLE, "US").orElseThrow();
    AppRating usRating = (AppRating) us.fact();
    assertThat(usRating.appId()).isEqualTo("1262148500");
    assertThat(usRating.rating()).isEqualByComparingTo("4.56718");
    assertThat(usRating.ratingCount()).isEqualTo(473_210);
    assertThat(usRating.version()).isEqualTo("3.215.0");
    assertThat(usRating.currentVersionRating()).isEqualByComparingTo("4.56718");
    assertThat(usRating.currentVersionRatingCount()).isEqualTo(473_210L);
    assertThat(us.provenance().sourceUrl())
        .isEqualTo(URI.create("https://apps.apple.com/us/app/id1262148500"));
    assertThat(us.provenance().evidenceClass()).isEqualTo(EvidenceClass.USER_REPORTS);
    assertThat(us.provenance().retrievedAt()).isEqualTo(FixtureServer.NOW);
    assertThat(us.provenance().staleAfter())
        .isEqualTo(FixtureServer.NOW.plus(java.time.Duration.ofDays(30)));
    assertThat(us.provenance().note()).contains("released 2026-11-18T09:12:44Z");
    AppRating gb = (AppRating) rating(bundle, AppStore.APPLE, "GB").orElseThrow().fact();
    assertThat(gb.rating()).isEqualByComparingTo("4.3399");

    Evidence appleGlobal = rating(bundle, AppStore.APPLE, "GLOBAL").orElseThrow();
    AppRating global = (AppRating) appleGlobal.fact();
    double expected = (3.84 * 500 + 4.56718 * 473_210 + 4.3399 * 88_104) / (500 + 473_210 + 88_104);
    assertThat(global.rating().doubleValue()).isCloseTo(expected, within(0.0001));
    assertThat(global.ratingCount()).isEqualTo(473_210 + 88_104);
    assertThat(appleGlobal.provenance().note())
        .contains("Bayesian", "US 4.56718 (473210)", "GB 4.3399 (88104)", "overall across stores");

    Evidence play = rating(bundle, AppStore.GOOGLE_PLAY, "US").orElseThrow();
    AppRating playRating = (AppRating) play.fact();
    assertThat(playRating.appId()).isEqualTo("co.mona.android");
    assertThat(playRating.rating()).isEqualByComparingTo("4.61237");
    assertThat(playRating.ratingCount()).isEqualTo(1_304_417);
    assertThat(play.provenance().note())
        .contains("histogram 1-5 stars: 52911, 14002, 31448, 97310, 1108742")
        .contains("written reviews: 41529")
        .contains("read from ds:5");
    assertThat(play.provenance().sourceUrl().toString())
        .endsWith("/store/apps/details?id=co.mona.android&hl=en&gl=us");
    assertThat(rating(bundle, AppStore.GOOGLE_PLAY, "GLOBAL")).isPresent();

    assertThat(bundle.facts(AppAvailability.class))
        .contains(
            new AppAvailability(AppStore.APPLE, "US", "1262148500", true),
            new AppAvailability(AppStore.APPLE, "GB", "1262148500", true),
            new AppAvailability(AppStore.GOOGLE_PLAY, "US", "co.mona.android", true));
  }

  @Test
  void findsThemesSharesTrendAndQuotes() {
    EvidenceBundle bundle = collect();

    ReviewThemes us = themes(bundle, AppStore.APPLE, "US").orElseThrow();
    assertThat(us.reviewsAnalysed()).isEqualTo(6);
    assertThat(us.negativeReviews()).isEqualTo(4);
    ThemeShare withdrawals = us.theme(ReviewTheme.WITHDRAWAL_FAILURES);
    assertThat(withdrawals.count()).isEqualTo(1);
    assertThat(withdrawals.shareOfAll()).isCloseTo(1 / 6.0, within(1e-9));
    assertThat(withdrawals.shareOfNegative()).isCloseTo(1 / 4.0, within(1e-9));
    assertThat(withdrawals.examples()).hasSize(1);
    assertThat(withdrawals.examples().get(0).text())
        .startsWith("Withdrawal stuck for 9 days My withdrawal");
    assertThat(withdrawals.examples().get(0).rating()).isEqualTo(1);
    assertThat(withdrawals.examples().get(0).date())
        .isEqualTo(java.time.LocalDate.of(2026, 11, 21));
    assertThat(withdrawals.examples().get(0).url())
        .isEqualTo(URI.create("https://apps.apple.com/us/app/id1262148500?see-all=reviews"));
    assertThat(us.theme(ReviewTheme.SUPPORT_NO_RESPONSE).count()).isEqualTo(2);
    assertThat(us.theme(ReviewTheme.EASE_OF_USE).count()).isEqualTo(2);
    assertThat(us.theme(ReviewTheme.EASE_OF_USE).shareOfNegative()).isZero();
    assertThat(us.theme(ReviewTheme.EASE_OF_USE).examples().get(0).rating()).isEqualTo(5);
    assertThat(us.theme(ReviewTheme.LOGIN_LOCKS).count()).isEqualTo(1);
    assertThat(us.theme(ReviewTheme.SCAMS_PHISHING).count()).isEqualTo(1);
    assertThat(us.theme(ReviewTheme.STALE_BALANCES).count()).isEqualTo(1);
    assertThat(us.themes()).hasSize(ReviewTheme.values().length);
    // 90 days before 2026-11-21: three newer reviews (1, 5, 2 stars) and three older (1, 4, 1)
    assertThat(us.recentRating()).isCloseTo(8 / 3.0, within(0.001));
    assertThat(us.olderRating()).isCloseTo(2.0, within(0.001));

    ReviewThemes play = themes(bundle, AppStore.GOOGLE_PLAY, "GLOBAL").orElseThrow();
    assertThat(play.reviewsAnalysed()).as("the review without text is not analysed").isEqualTo(4);
    assertThat(play.theme(ReviewTheme.WITHDRAWAL_FAILURES).examples().get(0).url().toString())
        .isEqualTo(
            "https://play.google.com/store/apps/details?id=co.mona.android"
                + "&reviewId=0d1e6c7a-0001-4c1b-9d7e-1a2b3c4d5e01");

    Evidence pooled =
        bundle.evidenceOf(ReviewThemes.class).stream()
            .filter(e -> ((ReviewThemes) e.fact()).store() == null)
            .findFirst()
            .orElseThrow();
    ReviewThemes all = (ReviewThemes) pooled.fact();
    assertThat(all.storefront()).isEqualTo("GLOBAL");
    assertThat(all.reviewsAnalysed()).isEqualTo(10);
    assertThat(pooled.provenance().note())
        .contains("lexicon en-", "11 reviews read", "1 not analysed");
    assertThat(pooled.provenance().observedAt())
        .isEqualTo(java.time.Instant.parse("2026-11-21T01:26:24Z"));
    assertThat(pooled.pillars())
        .contains(io.cexsafe.Pillar.SUPPORT, io.cexsafe.Pillar.USER_EXPERIENCE);
  }

  @Test
  void sendsTheRequestsEachSourceExpects() throws Exception {
    collect();
    List<RecordedRequest> requests = requests();
    RecordedRequest play =
        requests.stream()
            .filter(r -> r.getTarget().startsWith("/_/PlayStoreUi"))
            .findFirst()
            .orElseThrow();
    assertThat(play.getMethod()).isEqualTo("POST");
    assertThat(play.getTarget())
        .isEqualTo("/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&hl=en&gl=us");
    assertThat(play.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    String form =
        java.net.URLDecoder.decode(play.getBody().utf8(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(form)
        .isEqualTo(
            "f.req=[[[\"UsvDTd\",\"[null,null,[2,2,[150,null,null],null,[]],[\\\"co.mona.android\\\",7]]\",null,\"generic\"]]]");
    RecordedRequest second =
        requests.stream()
            .filter(r -> r.getTarget().startsWith("/_/PlayStoreUi"))
            .skip(1)
            .findFirst()
            .orElseThrow();
    assertThat(
            java.net.URLDecoder.decode(
                second.getBody().utf8(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("[150,null,\\\"CtgBIs8BAfakeTokenForPageTwo_1234567890\\\"]");
    assertThat(requests)
        .extracting(RecordedRequest::getTarget)
        .containsExactly(
            "/store/apps/details?id=co.mona.android&hl=en&gl=us",
            "/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&hl=en&gl=us",
            "/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&hl=en&gl=us",
            "/lookup?id=1262148500&country=us&entity=software",
            "/lookup?id=1262148500&country=gb&entity=software",
            "/us/rss/customerreviews/page=1/id=1262148500/sortby=mostrecent/json",
            "/us/rss/customerreviews/page=2/id=1262148500/sortby=mostrecent/json");
  }

  @Test
  void notSoldInAStorefrontIsAFactNotAnError() throws Exception {
    settings.put("apple.storefronts", "us,fr,sg");
    settings.put("apple-reviews.storefronts", "fr");
    EvidenceBundle bundle = collect();

    assertThat(outcome(bundle).status()).as("%s", outcome(bundle)).isEqualTo(OutcomeStatus.OK);
    assertThat(bundle.facts(AppAvailability.class))
        .contains(
            new AppAvailability(AppStore.APPLE, "FR", "1262148500", false),
            new AppAvailability(AppStore.APPLE, "SG", "1262148500", true));
    assertThat(rating(bundle, AppStore.APPLE, "FR")).isEmpty();
    assertThat(rating(bundle, AppStore.APPLE, "SG")).as("no ratings yet is not a zero").isEmpty();
    assertThat(requests()).noneMatch(r -> r.getTarget().startsWith("/fr/rss"));
  }

  @Test
  void resolvesTheTrackIdFromTheBundleId() throws Exception {
    Exchange bundleOnly =
        new Exchange(
            "bundle-only",
            "Bundle Only",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(new ExchangeIdentifier("apple.bundle", "co.mona.Monaco")));
    fixtures.override(
        "lookup",
        r ->
            FixtureServer.json(
                "co.mona.Monaco".equals(r.getUrl().queryParameter("bundleId"))
                    ? fixture("apple/lookup-us.json")
                    : "{\"resultCount\":0,\"results\":[]}"));
    settings.put("apple.storefronts", "us");
    EvidenceBundle bundle = collect(bundleOnly);

    assertThat(outcome(bundle).status()).as("%s", outcome(bundle)).isEqualTo(OutcomeStatus.OK);
    assertThat(((AppRating) rating(bundle, AppStore.APPLE, "US").orElseThrow().fact()).appId())
        .isEqualTo("1262148500");
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .containsExactly(
            "/lookup?bundleId=co.mona.Monaco&country=us&entity=software",
            "/us/rss/customerreviews/page=1/id=1262148500/sortby=mostrecent/json",
            "/us/rss/customerreviews/page=2/id=1262148500/sortby=mostrecent/json");
  }

  @Test
  void anExchangeWithoutStoreIdentifiersIsSkippedNotFailed() throws Exception {
    EvidenceBundle bundle = collect(ExchangeCatalog.bundled().get("bitfinex"));
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(outcome(bundle).reason()).isEqualTo(ReasonCode.NO_IDENTIFIER);
    assertThat(requests()).isEmpty();
  }

  @Test
  void aSourceWithoutItsIdentifierIsLeftOutQuietly() throws Exception {
    Exchange playOnly =
        new Exchange(
            "play-only",
            "Play Only",
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(new ExchangeIdentifier("play.package", "co.mona.android")));
    EvidenceBundle bundle = collect(playOnly);
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.OK);
    assertThat(requests()).noneMatch(r -> r.getTarget().startsWith("/lookup"));
  }

  @Test
  void everySourceSwitchedOffIsSkippedAsDisabled() throws Exception {
    for (String source :
        new String[] {"apple-lookup", "apple-reviews", "play-details", "play-reviews"}) {
      settings.put(source + ".enabled", "false");
    }
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(outcome(bundle).reason()).isEqualTo(ReasonCode.DISABLED);
    assertThat(requests()).isEmpty();
  }

  @Test
  void eachSourceCanBeSwitchedOff() throws Exception {
    settings.put("play-reviews.enabled", "false");
    settings.put("apple-reviews.enabled", "false");
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.OK);
    assertThat(bundle.facts(ReviewThemes.class)).isEmpty();
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .noneMatch(t -> t.contains("rss") || t.contains("batchexecute"));
  }

  @Test
  void appleRateLimitEndsTheLookupRoundAndKeepsTheRest() throws Exception {
    settings.put("apple.storefronts", "us,gb,ca");
    fixtures.override(
        "lookup",
        new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("{}").build());
    EvidenceBundle bundle = collect();

    CollectorOutcome outcome = outcome(bundle);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.RATE_LIMITED);
    assertThat(outcome.problems())
        .anySatisfy(p -> assertThat(p.message()).contains("storefronts gb,ca not looked up"));
    assertThat(rating(bundle, AppStore.GOOGLE_PLAY, "US")).isPresent();
    assertThat(rating(bundle, AppStore.APPLE, "GLOBAL")).isEmpty();
    assertThat(requests()).filteredOn(r -> r.getTarget().startsWith("/lookup")).hasSize(1);
  }

  @Test
  void appleFeedRateLimitStopsTheOtherStorefronts() throws Exception {
    settings.put("apple-reviews.storefronts", "us,gb");
    fixtures.override(
        "apple-reviews",
        new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("{}").build());
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).problems())
        .anySatisfy(p -> assertThat(p.message()).contains("review feeds of gb not read"));
    assertThat(requests()).noneMatch(r -> r.getTarget().startsWith("/gb/rss"));
    assertThat(rating(bundle, AppStore.APPLE, "US")).isPresent();
  }

  @Test
  void playThrottlingInsideHttp200IsARateLimit() {
    fixtures.override("play-reviews", FixtureServer.text(fixture("play/reviews-throttled.txt")));
    EvidenceBundle bundle = collect();
    CollectorOutcome outcome = outcome(bundle);
    assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome.problems())
        .anySatisfy(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.RATE_LIMITED);
              assertThat(p.message()).startsWith("play-reviews:").contains("PlayGatewayError");
            });
    assertThat(themes(bundle, AppStore.GOOGLE_PLAY, "GLOBAL")).isEmpty();
  }

  @Test
  void playDetailsBlockThatMovedIsFoundByItsRpcId() {
    fixtures.override("play-details", FixtureServer.html(fixture("play/details-moved-block.html")));
    Evidence play = rating(collect(), AppStore.GOOGLE_PLAY, "US").orElseThrow();
    assertThat(((AppRating) play.fact()).rating()).isEqualByComparingTo("4.61237");
    assertThat(play.provenance().note()).contains("read from ds:7");
  }

  @Test
  void playDetailsBlockWithoutAnRpcMapIsFoundByItsShape() {
    fixtures.override("play-details", FixtureServer.html(fixture("play/details-no-rpc-map.html")));
    Evidence play = rating(collect(), AppStore.GOOGLE_PLAY, "US").orElseThrow();
    assertThat(((AppRating) play.fact()).ratingCount()).isEqualTo(1_304_417);
    assertThat(play.provenance().note()).contains("read from ds:3");
  }

  @Test
  void playRatingFieldThatMovedWithinTheRecordIsFoundByItsShape() {
    fixtures.override("play-details", FixtureServer.html(fixture("play/details-field-moved.html")));
    Evidence play = rating(collect(), AppStore.GOOGLE_PLAY, "US").orElseThrow();
    assertThat(((AppRating) play.fact()).rating()).isEqualByComparingTo("4.61237");
    assertThat(play.provenance().note()).contains("field 53 (moved from 51)");
  }

  @Test
  void playLayoutNothingMatchesIsAFailureNeverAZero() {
    fixtures.override(
        "play-details", FixtureServer.html(fixture("play/details-layout-changed.html")));
    EvidenceBundle bundle = collect();
    assertThat(rating(bundle, AppStore.GOOGLE_PLAY, "US")).isEmpty();
    assertThat(rating(bundle, AppStore.GOOGLE_PLAY, "GLOBAL")).isEmpty();
    assertThat(outcome(bundle).problems())
        .anySatisfy(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.MALFORMED_RESPONSE);
              assertThat(p.message()).contains("layout is not recognised", "play-details/");
            });
  }

  @Test
  void playNotFoundPageMeansNotOffered() {
    fixtures.override(
        "play-details",
        new MockResponse.Builder()
            .code(404)
            .setHeader("Content-Type", "text/html; charset=UTF-8")
            .body(fixture("play/not-found.html"))
            .build());
    EvidenceBundle bundle = collect();
    assertThat(bundle.facts(AppAvailability.class))
        .contains(new AppAvailability(AppStore.GOOGLE_PLAY, "US", "co.mona.android", false));
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.OK);
  }

  @Test
  void googleConsentOrCaptchaPageIsBlocked() {
    fixtures.override(
        "play-details",
        FixtureServer.html(
            "<html><body>Our systems have detected unusual traffic from your computer network."
                + "<script src=\"https://www.google.com/recaptcha/api.js\"></script></body></html>"));
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).problems())
        .anySatisfy(p -> assertThat(p.reason()).isEqualTo(ReasonCode.BLOCKED));
    assertThat(rating(bundle, AppStore.GOOGLE_PLAY, "US")).isEmpty();
  }

  @Test
  void anEmptyAppleFeedIsReportedAfterTryingTheOtherUrlForm() throws Exception {
    settings.put("apple-reviews.storefronts", "us,au");
    settings.put("apple.storefronts", "us");
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).problems())
        .anySatisfy(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.NOT_LISTED);
              assertThat(p.message()).contains("storefront au is empty");
            });
    assertThat(requests())
        .extracting(RecordedRequest::getTarget)
        .contains(
            "/au/rss/customerreviews/page=1/id=1262148500/sortby=mostrecent/json",
            "/au/rss/customerreviews/id=1262148500/sortBy=mostRecent/page=1/json");
    assertThat(themes(bundle, AppStore.APPLE, "AU")).isEmpty();
    assertThat(themes(bundle, AppStore.APPLE, "US")).isPresent();
  }

  @Test
  void aFailedLaterPageKeepsTheEarlierPages() {
    fixtures.override(
        "apple-reviews",
        r ->
            r.getTarget().contains("page=2")
                ? new MockResponse.Builder().code(500).body("oops").build()
                : FixtureServer.json(fixture("apple/reviews-us-page1.json")));
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).reason()).isEqualTo(ReasonCode.HTTP_SERVER_ERROR);
    assertThat(themes(bundle, AppStore.APPLE, "US").orElseThrow().reviewsAnalysed()).isEqualTo(5);
  }

  @Test
  void nonEnglishReviewsAreCountedAsNotAnalysedNeverAsNoIssues() {
    settings.put("apple-reviews.storefronts", "gb");
    settings.put("play-reviews.enabled", "false");
    EvidenceBundle bundle = collect();
    Evidence gb =
        bundle.evidenceOf(ReviewThemes.class).stream()
            .filter(e -> ((ReviewThemes) e.fact()).storefront().equals("GB"))
            .findFirst()
            .orElseThrow();
    assertThat(((ReviewThemes) gb.fact()).reviewsAnalysed()).isEqualTo(2);
    assertThat(gb.provenance().note()).contains("3 reviews read", "1 not analysed");
    assertThat(((ReviewThemes) gb.fact()).recentRating()).as("the feed gave no dates").isNull();
  }

  @Test
  void onlyUnreadableReviewsIsAReportedProblem() {
    settings.put("play-reviews.enabled", "false");
    fixtures.override(
        "apple-reviews",
        r ->
            FixtureServer.json(
                r.getTarget().contains("page=1")
                    ? "{\"feed\":{\"entry\":{\"id\":{\"label\":\"1\"},\"im:rating\":{\"label\":\"1\"},"
                        + "\"title\":{\"label\":\"最悪\"},\"content\":{\"label\":\"出金できません\"}}}}"
                    : "{\"feed\":{}}"));
    EvidenceBundle bundle = collect();
    assertThat(bundle.facts(ReviewThemes.class)).isEmpty();
    assertThat(outcome(bundle).problems())
        .anySatisfy(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.INVALID_DATA);
              assertThat(p.message()).contains("not the same as no complaints");
            });
  }

  @Test
  void trustpilotRunsWithAnApiKeyThatNeverLeaks() throws Exception {
    settings.put("trustpilot.api-key", "tp-secret-123");
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).status()).as("%s", outcome(bundle)).isEqualTo(OutcomeStatus.OK);
    List<RecordedRequest> trustpilot =
        requests().stream().filter(r -> r.getTarget().startsWith("/v1/")).toList();
    assertThat(trustpilot)
        .extracting(RecordedRequest::getTarget)
        .containsExactly(
            "/v1/business-units/find?name=crypto.com",
            "/v1/business-units/5a6b1c2d3e4f5a6b7c8d9e0f/reviews?orderBy=createdat.desc&perPage=100&page=1");
    assertThat(trustpilot)
        .allSatisfy(r -> assertThat(r.getHeaders().get("apikey")).isEqualTo("tp-secret-123"));
    Evidence pooled =
        bundle.evidenceOf(ReviewThemes.class).stream()
            .filter(e -> ((ReviewThemes) e.fact()).store() == null)
            .findFirst()
            .orElseThrow();
    assertThat(pooled.provenance().sourceTitle()).contains("Trustpilot (2)");
    assertThat(pooled.provenance().note()).contains("13 reviews read", "2 not analysed");
    assertThat(bundle.toJson()).doesNotContain("tp-secret-123");
  }

  @Test
  void trustpilotSwitchedOnWithoutAKeyIsAMissingCredential() {
    settings.put("trustpilot.enabled", "true");
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(outcome(bundle).problems())
        .anySatisfy(p -> assertThat(p.reason()).isEqualTo(ReasonCode.MISSING_CREDENTIALS));
  }

  @Test
  void trustpilotFailureIsReportedWithoutTheKey() {
    settings.put("trustpilot.api-key", "tp-secret-123");
    fixtures.override(
        "trustpilot-find", new MockResponse.Builder().code(403).body("Forbidden").build());
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).problems())
        .anySatisfy(p -> assertThat(p.message()).startsWith("trustpilot:"));
    assertThat(outcome(bundle).toString()).doesNotContain("tp-secret-123");
  }

  @Test
  void playReviewsWithNoReviewsAreReported() {
    fixtures.override("play-reviews", FixtureServer.text(fixture("play/reviews-empty.txt")));
    EvidenceBundle bundle = collect();
    assertThat(outcome(bundle).problems())
        .anySatisfy(
            p -> {
              assertThat(p.reason()).isEqualTo(ReasonCode.NOT_LISTED);
              assertThat(p.message()).contains("no reviews for co.mona.android");
            });
  }

  @Test
  void declaresApplesRateLimitForItsHost() {
    var policies = ReviewsCollector.withDefaults().hostPolicies();
    assertThat(policies.get("itunes.apple.com").permitsPerSecond())
        .isCloseTo(20 / 60.0, within(1e-9));
    assertThat(policies.get("play.google.com").maxConcurrency()).isEqualTo(1);
    assertThat(ReviewsCollector.withDefaults().pillars())
        .containsExactlyInAnyOrder(io.cexsafe.Pillar.USER_EXPERIENCE, io.cexsafe.Pillar.SUPPORT);
  }
}
