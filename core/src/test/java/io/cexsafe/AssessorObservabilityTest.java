package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cexsafe.facts.UserBase;
import io.cexsafe.http.FetchObservation;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Run id, MDC, WARN on failure and the listener hooks metrics are built on. */
class AssessorObservabilityTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @StartStop final MockWebServer server = new MockWebServer();

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger assessorLog = (Logger) LoggerFactory.getLogger(Assessor.class);
  private Level previousLevel;

  @BeforeEach
  void captureLogs() {
    logs.start();
    assessorLog.addAppender(logs);
    previousLevel = assessorLog.getLevel();
    assessorLog.setLevel(Level.INFO);
  }

  @AfterEach
  void releaseLogs() {
    assessorLog.detachAppender(logs);
    assessorLog.setLevel(previousLevel);
  }

  private static EvidenceCollector collector(
      String id, BiFunction<Exchange, CollectorContext, CollectionResult> behaviour) {
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
      public boolean requiresNetwork() {
        return true;
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        return behaviour.apply(exchange, context);
      }
    };
  }

  private Assessor.Builder assessor() {
    return Assessor.builder()
        .clock(CLOCK)
        .config(Config.builder().set("http.max-attempts", "1").build())
        .collectorTimeout(Duration.ofSeconds(5));
  }

  private Evidence userBase(String exchangeId, String collectorId) {
    return Evidence.of(
        exchangeId,
        new UserBase(1000, null),
        Provenance.builder(collectorId)
            .source("https://example.com/" + exchangeId, "Example")
            .observedAt(NOW)
            .retrievedAt(NOW)
            .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
            .build());
  }

  @Test
  void collectorsSeeTheRunExchangeAndCollectorInTheMdcAndTheThreadIsClearedAfter() {
    Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    EvidenceCollector probe =
        collector(
            "probe",
            (exchange, ctx) -> {
              seen.put(exchange.id(), MDC.getCopyOfContextMap());
              threads.add(Thread.currentThread());
              return CollectionResult.of(List.of(userBase(exchange.id(), "probe")));
            });
    RunId runId = RunId.of("run-42");
    try (Assessor assessor = assessor().collector(probe).runId(runId).parallelism(1).build()) {
      assertThat(assessor.runId()).isEqualTo(runId);
      assessor.assessAll(
          List.of(assessor.catalog().get("kraken"), assessor.catalog().get("coinbase")));
      assertThat(seen.get("kraken"))
          .containsEntry(Assessor.MDC_RUN_ID, "run-42")
          .containsEntry(Assessor.MDC_EXCHANGE, "kraken")
          .containsEntry(Assessor.MDC_COLLECTOR, "probe");
      assertThat(seen.get("coinbase")).containsEntry(Assessor.MDC_EXCHANGE, "coinbase");
    }
    assertThat(MDC.get(Assessor.MDC_RUN_ID)).isNull();
  }

  @Test
  void withoutAGivenRunIdEachAssessorGeneratesOne() {
    try (Assessor first = assessor().build();
        Assessor second = assessor().build()) {
      assertThat(first.runId()).isNotEqualTo(second.runId());
    }
  }

  @Test
  void aFailedCollectorIsLoggedAtWarnWithItsReasonAndItsMdc() {
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    EvidenceCollector failing =
        collector(
            "failing",
            (exchange, ctx) -> {
              try {
                ctx.http().get(server.url("/down").uri());
                return CollectionResult.of(List.of());
              } catch (SourceException e) {
                return CollectionResult.failed(e);
              }
            });
    EvidenceCollector fine =
        collector(
            "fine",
            (exchange, ctx) -> CollectionResult.of(List.of(userBase(exchange.id(), "fine"))));
    try (Assessor assessor =
        assessor().collector(failing).collector(fine).runId(RunId.of("run-7")).build()) {
      EvidenceBundle bundle = assessor.assess("kraken");
      assertThat(bundle.outcomes())
          .extracting(CollectorOutcome::status)
          .containsExactly(OutcomeStatus.FAILED, OutcomeStatus.OK);
    }
    List<ILoggingEvent> warnings =
        logs.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(warnings).hasSize(1);
    ILoggingEvent warning = warnings.get(0);
    assertThat(warning.getFormattedMessage())
        .startsWith("collector 'failing' failed for kraken: http-server-error");
    assertThat(warning.getMDCPropertyMap())
        .containsEntry(Assessor.MDC_RUN_ID, "run-7")
        .containsEntry(Assessor.MDC_EXCHANGE, "kraken")
        .containsEntry(Assessor.MDC_COLLECTOR, "failing");
  }

  @Test
  void aThrowingCollectorIsLoggedOnceAtWarnWithoutItsStackTrace() {
    EvidenceCollector throwing =
        collector(
            "throwing",
            (exchange, ctx) -> {
              throw new IllegalStateException("boom");
            });
    try (Assessor assessor = assessor().collector(throwing).build()) {
      assertThat(assessor.assess("kraken").outcomes().get(0).reason())
          .isEqualTo(ReasonCode.INTERNAL_ERROR);
    }
    List<ILoggingEvent> warnings =
        logs.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getFormattedMessage())
        .startsWith("collector 'throwing' failed for kraken: internal-error");
    assertThat(warnings.get(0).getThrowableProxy()).isNull();
  }

  @Test
  void aTimedOutCollectorIsLoggedWithItsMdcFromTheWatchdog() throws Exception {
    EvidenceCollector stuck =
        collector(
            "stuck",
            (exchange, ctx) -> {
              try {
                Thread.sleep(10_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return CollectionResult.of(List.of());
            });
    try (Assessor assessor =
        assessor()
            .collector(stuck)
            .collectorTimeout(Duration.ofMillis(100))
            .runId(RunId.of("run-slow"))
            .build()) {
      assessor.assess("kraken");
    }
    ILoggingEvent warning =
        logs.list.stream().filter(e -> e.getLevel() == Level.WARN).findFirst().orElseThrow();
    assertThat(warning.getFormattedMessage()).contains("'stuck' failed for kraken");
    assertThat(warning.getMDCPropertyMap())
        .containsEntry(Assessor.MDC_RUN_ID, "run-slow")
        .containsEntry(Assessor.MDC_COLLECTOR, "stuck");
  }

  @Test
  void listenersHearEveryFetchOfTheAssessorsOwnClientWithHostStatusAndBytes() {
    server.enqueue(new MockResponse.Builder().body("0123456789").build());
    server.enqueue(new MockResponse.Builder().code(404).body("gone").build());
    List<FetchObservation> fetches = new CopyOnWriteArrayList<>();
    List<String> finished = new CopyOnWriteArrayList<>();
    AssessmentListener metrics =
        new AssessmentListener() {
          @Override
          public void fetched(FetchObservation observation) {
            fetches.add(observation);
          }
        };
    AssessmentListener progress =
        new AssessmentListener() {
          @Override
          public void finished(String exchangeId, CollectorOutcome outcome, Duration elapsed) {
            finished.add(exchangeId + "/" + outcome.collectorId() + "/" + outcome.status().id());
          }

          @Override
          public boolean hearsFetches() {
            return false;
          }
        };
    EvidenceCollector fetching =
        collector(
            "fetching",
            (exchange, ctx) -> {
              try {
                ctx.http().get(server.url("/ok").uri());
                ctx.http().get(server.url("/missing").uri());
                return CollectionResult.of(List.of());
              } catch (SourceException e) {
                return CollectionResult.failed(e);
              }
            });
    try (Assessor assessor =
        assessor()
            .collector(fetching)
            .listener(AssessmentListener.all(metrics, progress))
            .build()) {
      assessor.assess("kraken");
    }
    assertThat(finished).containsExactly("kraken/fetching/failed");
    assertThat(fetches).hasSize(2);
    FetchObservation ok = fetches.get(0);
    assertThat(ok.host()).isEqualTo(server.getHostName().toLowerCase(java.util.Locale.ROOT));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.bytes()).isEqualTo(10);
    assertThat(ok.failed()).isFalse();
    FetchObservation missing = fetches.get(1);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.failure()).isEqualTo(ReasonCode.HTTP_CLIENT_ERROR);
    assertThat(missing.bytes()).isZero();
  }

  @Test
  void combiningListenersHearsFetchesOnlyWhenOneOfThemDoes() {
    AssessmentListener quiet =
        new AssessmentListener() {
          @Override
          public boolean hearsFetches() {
            return false;
          }
        };
    assertThat(AssessmentListener.NONE.hearsFetches()).isFalse();
    assertThat(AssessmentListener.all(quiet, quiet).hearsFetches()).isFalse();
    assertThat(AssessmentListener.all(quiet, new AssessmentListener() {}).hearsFetches()).isTrue();
    assertThat(AssessmentListener.all(quiet)).isSameAs(quiet);
  }
}
