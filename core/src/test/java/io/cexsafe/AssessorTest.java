package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.facts.UserBase;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import io.cexsafe.spi.SharedDataset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class AssessorTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @StartStop final MockWebServer server = new MockWebServer();

  /** A collector whose behaviour is a lambda. */
  private static EvidenceCollector collector(String id, boolean network, Behaviour behaviour) {
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
        return network;
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        try {
          return behaviour.collect(exchange, context);
        } catch (SourceException e) {
          return CollectionResult.failed(e);
        }
      }
    };
  }

  @FunctionalInterface
  interface Behaviour {
    CollectionResult collect(Exchange exchange, CollectorContext context) throws SourceException;
  }

  private static Evidence userBase(
      String exchangeId, String collectorId, CollectorContext context, long users) {
    return Evidence.of(
        exchangeId,
        new UserBase(users, null),
        Provenance.builder(collectorId)
            .source("https://example.com/" + exchangeId, "Example")
            .observedAt(context.clock().instant())
            .retrievedAt(context.clock().instant())
            .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
            .build());
  }

  private Assessor.Builder assessor() {
    return Assessor.builder()
        .clock(CLOCK)
        .config(Config.builder().set("http.max-attempts", "1").build())
        .collectorTimeout(Duration.ofSeconds(5));
  }

  @Test
  void sharedDatasetIsRequestedOnceForManyExchanges() {
    Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            hits.computeIfAbsent(request.getUrl().encodedPath(), k -> new AtomicInteger())
                .incrementAndGet();
            Thread.sleep(50);
            return new MockResponse.Builder().body("42").build();
          }
        });
    SharedDataset<Long> everyone =
        SharedDataset.of(
            "test:/everyone",
            ctx -> Long.parseLong(ctx.http().get(server.url("/everyone").uri()).text()));
    EvidenceCollector collector =
        collector(
            "shared-user",
            true,
            (exchange, ctx) -> {
              long users = ctx.shared(everyone);
              ctx.http().get(server.url("/per/" + exchange.id()).uri());
              return CollectionResult.of(
                  List.of(userBase(exchange.id(), "shared-user", ctx, users)));
            });
    ExchangeCatalog catalog = ExchangeCatalog.bundled();
    try (Assessor assessor = assessor().collector(collector).parallelism(8).build()) {
      List<EvidenceBundle> bundles = assessor.assessAll(catalog.all());
      assertThat(bundles)
          .extracting(EvidenceBundle::exchangeId)
          .containsExactlyElementsOf(catalog.all().stream().map(Exchange::id).toList());
      assertThat(bundles)
          .allSatisfy(b -> assertThat(b.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK));
      assertThat(bundles)
          .allSatisfy(
              b -> assertThat(b.facts(UserBase.class)).containsExactly(new UserBase(42, null)));
    }
    assertThat(hits.get("/everyone")).hasValue(1);
    assertThat(hits.keySet()).hasSize(1 + catalog.size());
  }

  @Test
  void sharedFailureIsReportedByEveryExchangeWithoutRetryStorm() {
    AtomicInteger calls = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            calls.incrementAndGet();
            return new MockResponse.Builder().code(500).build();
          }
        });
    SharedDataset<String> dataset =
        SharedDataset.of("test:/broken", ctx -> ctx.http().get(server.url("/broken").uri()).text());
    EvidenceCollector collector =
        collector(
            "shared-broken",
            true,
            (exchange, ctx) ->
                CollectionResult.of(
                    List.of(
                        userBase(
                            exchange.id(), "shared-broken", ctx, ctx.shared(dataset).length()))));
    try (Assessor assessor = assessor().collector(collector).build()) {
      List<EvidenceBundle> bundles = assessor.assessAll(ExchangeCatalog.bundled().all());
      assertThat(bundles)
          .allSatisfy(
              b -> {
                assertThat(b.evidence()).isEmpty();
                assertThat(b.outcomes().get(0).status()).isEqualTo(OutcomeStatus.FAILED);
                assertThat(b.outcomes().get(0).reason()).isEqualTo(ReasonCode.HTTP_SERVER_ERROR);
              });
    }
    assertThat(calls).hasValue(1);
  }

  @Test
  void slowCollectorIsCutOffAtItsDeadline() {
    EvidenceCollector sleepy =
        collector(
            "sleepy",
            false,
            (exchange, ctx) -> {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return CollectionResult.of(List.of(userBase(exchange.id(), "sleepy", ctx, 1)));
            });
    EvidenceCollector quick =
        collector(
            "quick",
            false,
            (exchange, ctx) ->
                CollectionResult.of(List.of(userBase(exchange.id(), "quick", ctx, 7))));
    long started = System.nanoTime();
    try (Assessor assessor =
        assessor()
            .collector(sleepy)
            .collector(quick)
            .collectorTimeout(Duration.ofMillis(300))
            .build()) {
      EvidenceBundle bundle = assessor.assess("okx");
      assertThat(bundle.outcomes())
          .extracting(
              CollectorOutcome::collectorId, CollectorOutcome::status, CollectorOutcome::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("quick", OutcomeStatus.OK, ReasonCode.NONE),
              org.assertj.core.groups.Tuple.tuple(
                  "sleepy", OutcomeStatus.FAILED, ReasonCode.DEADLINE_EXCEEDED));
      assertThat(bundle.evidence())
          .extracting(e -> e.provenance().collectorId())
          .containsExactly("quick");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void collectorThatThrowsIsReportedAsInternalError() {
    EvidenceCollector buggy =
        collector(
            "buggy",
            false,
            (exchange, ctx) -> {
              throw new IllegalStateException("bug");
            });
    try (Assessor assessor = assessor().collector(buggy).build()) {
      CollectorOutcome outcome = assessor.assess("kraken").outcomes().get(0);
      assertThat(outcome.status()).isEqualTo(OutcomeStatus.FAILED);
      assertThat(outcome.reason()).isEqualTo(ReasonCode.INTERNAL_ERROR);
      assertThat(outcome.message()).contains("IllegalStateException").contains("bug");
    }
  }

  @Test
  void evidenceAboutAnotherExchangeIsDropped() {
    EvidenceCollector confused =
        collector(
            "confused",
            false,
            (exchange, ctx) ->
                CollectionResult.of(
                    List.of(
                        userBase(exchange.id(), "confused", ctx, 1),
                        userBase("binance", "confused", ctx, 2))));
    try (Assessor assessor = assessor().collector(confused).build()) {
      EvidenceBundle bundle = assessor.assess("kraken");
      assertThat(bundle.evidence()).hasSize(1);
      assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.PARTIAL);
      assertThat(bundle.outcomes().get(0).reason()).isEqualTo(ReasonCode.INTERNAL_ERROR);
    }
  }

  @Test
  void offlineAndDisabledCollectorsAreSkippedWithReasons() {
    AtomicInteger ran = new AtomicInteger();
    EvidenceCollector online =
        collector(
            "online",
            true,
            (e, ctx) -> {
              ran.incrementAndGet();
              return CollectionResult.of(List.of());
            });
    EvidenceCollector local =
        collector(
            "local",
            false,
            // a bundled source dates its fact by the source, before the past as-of
            (e, ctx) ->
                CollectionResult.of(
                    List.of(
                        Evidence.of(
                            e.id(),
                            new UserBase(3, null),
                            Provenance.builder("local")
                                .source("https://example.com/" + e.id(), "Example")
                                .observedAt(ctx.asOf().minus(Duration.ofDays(3)))
                                .retrievedAt(ctx.clock().instant())
                                .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
                                .build()))));
    EvidenceCollector off =
        collector(
            "off",
            false,
            (e, ctx) -> {
              ran.incrementAndGet();
              return CollectionResult.of(List.of());
            });
    try (Assessor assessor =
        assessor()
            .config(Config.builder().set("off.enabled", "false").build())
            .offline(true)
            .asOf(Instant.parse("2025-01-01T23:59:59Z"))
            .collector(online)
            .collector(local)
            .collector(off)
            .build()) {
      EvidenceBundle bundle = assessor.assess("bybit");
      assertThat(bundle.asOf()).isEqualTo(Instant.parse("2025-01-01T23:59:59Z"));
      assertThat(bundle.outcomes())
          .extracting(
              CollectorOutcome::collectorId, CollectorOutcome::status, CollectorOutcome::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("local", OutcomeStatus.OK, ReasonCode.NONE),
              org.assertj.core.groups.Tuple.tuple(
                  "off", OutcomeStatus.SKIPPED, ReasonCode.DISABLED),
              org.assertj.core.groups.Tuple.tuple(
                  "online", OutcomeStatus.SKIPPED, ReasonCode.OFFLINE));
      assertThat(bundle.evidence()).hasSize(1);
    }
    assertThat(ran).hasValue(0);
  }

  @Test
  void partialResultsKeepTheirEvidenceAndProblems() {
    server.enqueue(new MockResponse.Builder().code(404).build());
    EvidenceCollector partial =
        collector(
            "partial",
            true,
            (exchange, ctx) -> {
              CollectionResult.Builder result = CollectionResult.builder();
              result.add(userBase(exchange.id(), "partial", ctx, 5));
              try {
                ctx.http().get(server.url("/missing").uri());
              } catch (SourceException e) {
                result.problem(e);
              }
              return result.build();
            });
    try (Assessor assessor = assessor().collector(partial).build()) {
      CollectorOutcome outcome = assessor.assess("okx").outcomes().get(0);
      assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
      assertThat(outcome.reason()).isEqualTo(ReasonCode.HTTP_CLIENT_ERROR);
      assertThat(outcome.evidenceCount()).isEqualTo(1);
      assertThat(outcome.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.httpStatus()).isEqualTo(404));
    }
  }
}
