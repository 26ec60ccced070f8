package io.cexsafe.collectors.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Assessor;
import io.cexsafe.Config;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.Exchange;
import io.cexsafe.ExchangeCatalog;
import io.cexsafe.Problem;
import io.cexsafe.ReasonCode;
import io.cexsafe.facts.AppAvailability;
import io.cexsafe.facts.AppRating;
import io.cexsafe.spi.CollectorRegistry;
import io.cexsafe.testing.GeneratedCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Apple's lookup is asked once per storefront for the whole run (in chunks of 100 ids), and every
 * exchange gets the same evidence as when it is assessed alone against the same answers.
 */
class AppleLookupBatchTest {
  private static final ExchangeCatalog CATALOG = GeneratedCatalog.of(150);

  private MockWebServer server;
  private final List<RecordedRequest> lookups = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<RecordedRequest, MockResponse> answer = AppleLookupBatchTest::store;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (!request.getUrl().encodedPath().equals("/lookup")) {
              return new MockResponse.Builder().code(404).build();
            }
            lookups.add(request);
            return answer.apply(request);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * An App Store in the shape of the lookup API: every generated app is sold in "us"; in "gb" the
   * apps with an even number are not, and those divisible by 3 have no ratings yet.
   */
  private static MockResponse store(RecordedRequest request) {
    String country = request.getUrl().queryParameter("country");
    StringBuilder results = new StringBuilder();
    int count = 0;
    for (String id : request.getUrl().queryParameter("id").split(",")) {
      long n = Long.parseLong(id) - GeneratedCatalog.FIRST_APPLE_ID;
      if ("gb".equals(country) && n % 2 == 0) {
        continue;
      }
      boolean rated = !("gb".equals(country) && n % 3 == 0);
      if (count++ > 0) {
        results.append(',');
      }
      results.append(
          String.format(
              Locale.ROOT,
              "{\"wrapperType\":\"software\",\"kind\":\"software\",\"trackId\":%s,"
                  + "\"trackName\":\"Generated %d\",\"version\":\"1.%d\","
                  + "\"currentVersionReleaseDate\":\"2026-11-0%dT10:00:00Z\"%s}",
              id,
              n,
              n,
              1 + n % 9,
              rated
                  ? String.format(
                      Locale.ROOT,
                      ",\"averageUserRating\":%d.%d5,\"userRatingCount\":%d",
                      1 + n % 4,
                      n % 10,
                      100 + n * 7)
                  : ""));
    }
    return FixtureServer.json("{\"resultCount\":" + count + ",\"results\":[" + results + "]}");
  }

  private Assessor assessor() {
    Config.Builder config =
        Config.builder()
            .set("http.max-attempts", "1")
            .set("http.call-timeout", "5s")
            .set("reviews.apple-lookup.base-url", server.url("/").toString())
            .set("reviews.apple.storefronts", "us,gb")
            .set("reviews.apple-reviews.enabled", "false")
            .set("reviews.play-details.enabled", "false")
            .set("reviews.play-reviews.enabled", "false");
    Config built = config.build();
    return Assessor.builder()
        .catalog(CATALOG)
        .collectors(
            CollectorRegistry.builder()
                .config(built)
                .register(new ReviewsCollectorProvider())
                .build())
        .config(built)
        .clock(Clock.fixed(FixtureServer.NOW, ZoneOffset.UTC))
        .collectorTimeout(Duration.ofSeconds(30))
        .build();
  }

  private List<EvidenceBundle> assessAll() {
    try (Assessor assessor = assessor()) {
      return assessor.assessAll(CATALOG.all());
    }
  }

  @Test
  void oneLookupPerStorefrontAndChunkOfAHundredIds() {
    List<EvidenceBundle> bundles = assessAll();

    assertThat(bundles).hasSize(150);
    assertThat(lookups).hasSize(4); // 2 storefronts × ⌈150 / 100⌉
    for (RecordedRequest request : lookups) {
      List<String> ids = Arrays.asList(request.getUrl().queryParameter("id").split(","));
      assertThat(ids).hasSizeBetween(50, 100).doesNotHaveDuplicates();
      assertThat(request.getUrl().queryParameter("entity")).isEqualTo("software");
    }
    assertThat(
            lookups.stream()
                .flatMap(r -> Arrays.stream(r.getUrl().queryParameter("id").split(",")))
                .distinct()
                .count())
        .isEqualTo(150);
    for (EvidenceBundle bundle : bundles) {
      assertThat(bundle.facts(AppAvailability.class)).hasSize(2);
      assertThat(bundle.outcomes().get(0).problems()).isEmpty();
    }
  }

  @Test
  void everyExchangeGetsTheEvidenceItGetsWhenAssessedAlone() {
    List<EvidenceBundle> together = assessAll();
    for (int i : new int[] {1, 2, 3, 6, 7, 99, 100, 101, 150}) {
      Exchange exchange = CATALOG.get(GeneratedCatalog.id(i));
      EvidenceBundle alone;
      try (Assessor assessor = assessor()) {
        alone = assessor.assess(exchange);
      }
      EvidenceBundle batched = together.get(i - 1);
      assertThat(batched.exchangeId()).isEqualTo(exchange.id());
      assertThat(batched.evidence()).isEqualTo(alone.evidence()).isNotEmpty();
      assertThat(batched.outcomes()).isEqualTo(alone.outcomes());
    }
    // alone, each lookup names that one app, as before batching
    assertThat(lookups.subList(4, lookups.size()))
        .allSatisfy(r -> assertThat(r.getUrl().queryParameter("id")).doesNotContain(","));
    // the cases the store answers differently all came through
    EvidenceBundle notSoldInGb = together.get(1);
    assertThat(notSoldInGb.facts(AppAvailability.class))
        .extracting(AppAvailability::storefront, AppAvailability::available)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("US", true),
            org.assertj.core.groups.Tuple.tuple("GB", false));
    EvidenceBundle unratedInGb = together.get(2);
    assertThat(unratedInGb.facts(AppRating.class))
        .extracting(AppRating::storefront)
        .containsExactlyInAnyOrder("US", "GLOBAL");
  }

  @Test
  void aRateLimitedBatchIsAskedOnceAndReportedForEveryExchangeInIt() {
    answer = request -> new MockResponse.Builder().code(429).body("slow down").build();

    List<EvidenceBundle> bundles = assessAll();

    // one call per chunk: the "us" failure ends each exchange's round before "gb"
    assertThat(lookups).hasSize(2);
    for (EvidenceBundle bundle : bundles) {
      assertThat(bundle.evidence()).isEmpty();
      assertThat(bundle.outcomes().get(0).problems())
          .extracting(Problem::reason)
          .containsExactly(ReasonCode.RATE_LIMITED, ReasonCode.RATE_LIMITED);
    }
  }

  @Test
  void aMalformedBatchAnswerGivesNoEvidenceToAnyExchangeInIt() {
    answer = request -> FixtureServer.json("{\"errorMessage\":\"Invalid value(s) for key(s)\"}");

    List<EvidenceBundle> bundles = assessAll();

    assertThat(lookups).hasSize(4);
    for (EvidenceBundle bundle : bundles) {
      assertThat(bundle.evidence()).isEmpty();
      assertThat(bundle.outcomes().get(0).problems())
          .extracting(Problem::reason)
          .containsOnly(ReasonCode.MALFORMED_RESPONSE);
    }
  }
}
