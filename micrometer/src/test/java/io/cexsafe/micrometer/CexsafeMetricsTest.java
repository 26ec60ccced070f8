package io.cexsafe.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Assessor;
import io.cexsafe.Config;
import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Exchange;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.ReasonCode;
import io.cexsafe.SourceException;
import io.cexsafe.facts.UserBase;
import io.cexsafe.http.FetchObservation;
import io.cexsafe.http.HttpSettings;
import io.cexsafe.http.HttpSupport;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.scoring.Scorer;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class CexsafeMetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CexsafeMetrics metrics = CexsafeMetrics.create();

  /** Fetches {@code path} from the mock server; 1 000 users per body byte. */
  private EvidenceCollector fetching(String id, String path) {
    return new EvidenceCollector() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<Pillar> pillars() {
        return Set.of(Pillar.USER_EXPERIENCE);
      }

      @Override
      public boolean requiresNetwork() {
        return true;
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        try {
          byte[] body = context.http().get(server.url(path).uri()).body();
          return CollectionResult.of(
              List.of(
                  Evidence.of(
                      exchange.id(),
                      new UserBase(1000L * body.length, null),
                      Provenance.builder(id)
                          .source(server.url(path).toString(), "mock")
                          .observedAt(NOW)
                          .retrievedAt(NOW)
                          .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
                          .build())));
        } catch (SourceException e) {
          return CollectionResult.failed(e);
        }
      }
    };
  }

  private Assessor assessor(EvidenceCollector... collectors) {
    Assessor.Builder builder =
        Assessor.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .config(Config.builder().set("http.max-attempts", "1").build())
            .listener(metrics);
    for (EvidenceCollector collector : collectors) {
      builder.collector(collector);
    }
    return builder.build();
  }

  private String host() {
    return server.getHostName().toLowerCase(Locale.ROOT);
  }

  @Test
  void countsCollectorRunsByCollectorStatusAndReasonAndTimesFetchesByHost() {
    metrics.bindTo(registry);
    // the two collectors run concurrently: answer by path, not by order
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return request.getUrl().encodedPath().equals("/good")
                ? new MockResponse.Builder().body("x".repeat(300)).build()
                : new MockResponse.Builder().code(503).body("down").build();
          }
        });
    try (Assessor assessor = assessor(fetching("good", "/good"), fetching("bad", "/bad"))) {
      assessor.assess("kraken");
    }
    assertThat(
            registry
                .get(CexsafeMetrics.COLLECTOR_RUNS)
                .tags("collector", "good", "status", "ok", "reason", "none")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(CexsafeMetrics.COLLECTOR_RUNS)
                .tags("collector", "bad", "status", "failed", "reason", "http-server-error")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(CexsafeMetrics.COLLECTOR_DURATION)
                .tags("collector", "good")
                .timer()
                .count())
        .isEqualTo(1);

    Timer ok =
        registry.get(CexsafeMetrics.FETCH_DURATION).tags("host", host(), "outcome", "ok").timer();
    assertThat(ok.count()).isEqualTo(1);
    assertThat(ok.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(
            registry
                .get(CexsafeMetrics.FETCH_DURATION)
                .tags("host", host(), "outcome", "http-server-error")
                .timer()
                .count())
        .isEqualTo(1);
    DistributionSummary bytes =
        registry.get(CexsafeMetrics.FETCH_BYTES).tags("host", host()).summary();
    assertThat(bytes.count()).isEqualTo(2);
    assertThat(bytes.totalAmount()).isEqualTo(300.0);
    assertThat(bytes.getId().getBaseUnit()).isEqualTo("bytes");
  }

  @Test
  void timesScoringByMethodologyAndReturnsTheScorersScorecard() {
    metrics.bindTo(registry);
    server.enqueue(new MockResponse.Builder().body("abc").build());
    EvidenceBundle bundle;
    try (Assessor assessor = assessor(fetching("good", "/good"))) {
      bundle = assessor.assess("kraken");
    }
    Scorer scorer = Scorer.standard();
    Scorecard card = metrics.score(scorer, bundle);
    assertThat(card).isEqualTo(scorer.score(bundle));
    Timer scoring =
        registry
            .get(CexsafeMetrics.SCORING_DURATION)
            .tags("methodology", scorer.methodology().id())
            .timer();
    assertThat(scoring.count()).isEqualTo(1);
  }

  @Test
  void everyBoundRegistryGetsEveryMeasurement() {
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    metrics.bindTo(second);
    metrics.fetched(new FetchObservation("example.org", 200, null, 42, Duration.ofMillis(5)));
    for (SimpleMeterRegistry each : List.of(registry, second)) {
      assertThat(each.get(CexsafeMetrics.FETCH_BYTES).summary().totalAmount()).isEqualTo(42.0);
    }
  }

  @Test
  void beforeBindingMeasurementsGoNowhereAndNothingFails() {
    metrics.fetched(
        new FetchObservation("example.org", 0, ReasonCode.TIMEOUT, 0, Duration.ofSeconds(1)));
    metrics.recordScoring("cexsafe-default", Duration.ofMillis(3));
    metrics.bindTo(registry);
    // the meters reach a registry bound later, but what was measured before is not in them
    assertThat(registry.find(CexsafeMetrics.FETCH_DURATION).timers())
        .allSatisfy(timer -> assertThat(timer.count()).isZero());
    assertThat(registry.find(CexsafeMetrics.SCORING_DURATION).timers())
        .allSatisfy(timer -> assertThat(timer.count()).isZero());
  }

  @Test
  void aClientTheCallerCreatesReportsThroughTheFetchListener() throws Exception {
    metrics.bindTo(registry);
    server.enqueue(new MockResponse.Builder().body("hello").build());
    try (HttpSupport http =
        HttpSupport.create(
            HttpSettings.builder().maxAttempts(1).build(), metrics.fetchListener())) {
      http.get(server.url("/own").uri());
    }
    assertThat(
            registry.get(CexsafeMetrics.FETCH_BYTES).tags("host", host()).summary().totalAmount())
        .isEqualTo(5.0);
    assertThat(metrics.hearsFetches()).isTrue();
  }
}
