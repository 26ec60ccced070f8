package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.facts.UserBase;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One exchange's stalled source never holds the other exchanges past their own deadline. */
class AssessorDeadlineTest {
  private static final List<String> EXCHANGES =
      List.of("binance", "coinbase", "kraken", "okx", "bybit", "bitfinex", "crypto-com");
  private static final Duration DEADLINE = Duration.ofSeconds(3);

  @StartStop final MockWebServer server = new MockWebServer();
  private final CountDownLatch released = new CountDownLatch(1);
  private final Map<String, Duration> elapsed = new ConcurrentHashMap<>();

  @AfterEach
  void release() {
    released.countDown();
  }

  /** Fetches {@code /<exchange>} and turns the answer into one piece of evidence. */
  private EvidenceCollector fetching(String id) {
    return new EvidenceCollector() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<Pillar> pillars() {
        return Set.of(Pillar.SUPPORT);
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        try {
          String users = context.http().get(server.url("/" + exchange.id()).uri()).text();
          return CollectionResult.of(List.of(evidence(exchange, context, id, users)));
        } catch (SourceException e) {
          return CollectionResult.failed(e);
        }
      }
    };
  }

  private static Evidence evidence(
      Exchange exchange, CollectorContext context, String collectorId, String users) {
    Instant now = context.clock().instant();
    return Evidence.of(
        exchange.id(),
        new UserBase(Long.parseLong(users.trim()), null),
        Provenance.builder(collectorId)
            .source("https://example.com/" + exchange.id(), "Example")
            .observedAt(now)
            .retrievedAt(now)
            .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
            .build());
  }

  private Assessor.Builder assessor() {
    return Assessor.builder()
        .config(Config.builder().set("http.max-attempts", "1").build())
        .collectorTimeout(DEADLINE)
        .listener(
            new AssessmentListener() {
              @Override
              public void finished(String exchangeId, CollectorOutcome outcome, Duration took) {
                elapsed.put(exchangeId + "/" + outcome.collectorId(), took);
              }
            });
  }

  private static void assertOthersOnTime(List<EvidenceBundle> bundles, String collectorId) {
    for (EvidenceBundle bundle : bundles) {
      if (!bundle.exchangeId().equals("binance")) {
        assertThat(bundle.outcomes())
            .as(bundle.exchangeId() + ": " + bundle.outcomes())
            .filteredOn(o -> o.collectorId().equals(collectorId))
            .singleElement()
            .satisfies(o -> assertThat(o.status()).isEqualTo(OutcomeStatus.OK));
        assertThat(bundle.evidence()).as(bundle.exchangeId()).hasSize(1);
      }
    }
  }

  private List<EvidenceBundle> assessAll(Assessor assessor) {
    return assessor.assessAll(EXCHANGES.stream().map(assessor.catalog()::get).toList());
  }

  @Test
  @Timeout(50)
  void aStalledSourceIsReportedAsATimeoutWhileTheOthersFinishOnTime() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return request.getTarget().equals("/binance")
                ? new MockResponse.Builder().headersDelay(60, TimeUnit.SECONDS).body("1").build()
                : new MockResponse.Builder().body("1000").build();
          }
        });
    long started = System.nanoTime();
    List<EvidenceBundle> bundles;
    try (Assessor assessor = assessor().collector(fetching("ratings")).build()) {
      bundles = assessAll(assessor);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertOthersOnTime(bundles, "ratings");
    CollectorOutcome stalled = bundles.get(0).outcomes().get(0);
    assertThat(stalled.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(stalled.reason()).isIn(ReasonCode.TIMEOUT, ReasonCode.DEADLINE_EXCEEDED);
    for (String exchange : EXCHANGES.subList(1, EXCHANGES.size())) {
      assertThat(elapsed.get(exchange + "/ratings")).as(exchange).isLessThan(DEADLINE);
    }
    assertThat(took)
        .as("the run ends with the stalled source's deadline")
        .isLessThan(DEADLINE.plusSeconds(2));
  }

  @Test
  @Timeout(50)
  void aCollectorThatIgnoresItsDeadlineDoesNotHoldTheQueue() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().body("1000").build();
          }
        });
    EvidenceCollector fetching = fetching("stubborn");
    EvidenceCollector stubborn =
        new EvidenceCollector() {
          @Override
          public String id() {
            return "stubborn";
          }

          @Override
          public Set<Pillar> pillars() {
            return Set.of(Pillar.SUPPORT);
          }

          @Override
          public CollectionResult collect(Exchange exchange, CollectorContext context) {
            if (exchange.id().equals("binance")) {
              awaitIgnoringInterrupts(released, Duration.ofSeconds(60));
            }
            return fetching.collect(exchange, context);
          }
        };
    long started = System.nanoTime();
    List<EvidenceBundle> bundles;
    try (Assessor assessor = assessor().collector(stubborn).parallelism(1).build()) {
      bundles = assessAll(assessor);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertOthersOnTime(bundles, "stubborn");
    assertThat(bundles.get(0).outcomes().get(0).reason()).isEqualTo(ReasonCode.DEADLINE_EXCEEDED);
    assertThat(took)
        .as("the queue moves on once the 60 s stuck run is cut off " + elapsed)
        .isLessThan(DEADLINE.plusSeconds(10));
  }

  /** A collector stuck where an interrupt does not reach, e.g. a blocking native call. */
  private static void awaitIgnoringInterrupts(CountDownLatch latch, Duration atMost) {
    long until = System.nanoTime() + atMost.toNanos();
    while (latch.getCount() > 0 && System.nanoTime() < until) {
      try {
        latch.await(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException ignored) {
        // deliberately stubborn
      }
    }
  }
}
