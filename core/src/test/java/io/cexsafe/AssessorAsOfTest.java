package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.facts.UserBase;
import io.cexsafe.spi.CollectionResult;
import io.cexsafe.spi.CollectorContext;
import io.cexsafe.spi.EvidenceCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The assessor's as-of guard: nothing observed after a past as-of reaches a bundle. */
class AssessorAsOfTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Instant PAST = Instant.parse("2023-06-01T23:59:59Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static EvidenceCollector collector(
      String id,
      boolean keepsHistory,
      BiFunction<Exchange, CollectorContext, CollectionResult> behaviour) {
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
        return false;
      }

      @Override
      public boolean keepsHistory() {
        return keepsHistory;
      }

      @Override
      public CollectionResult collect(Exchange exchange, CollectorContext context) {
        return behaviour.apply(exchange, context);
      }
    };
  }

  private static Evidence observed(String exchangeId, String collectorId, Instant at, long users) {
    return Evidence.of(
        exchangeId,
        new UserBase(users, null),
        Provenance.builder(collectorId)
            .source("https://example.com/" + exchangeId + "/" + users, "Example")
            .observedAt(at)
            .retrievedAt(NOW)
            .evidenceClass(EvidenceClass.THIRD_PARTY_REPORT)
            .build());
  }

  /** Gives one fact observed before {@link #PAST}, one at it and one now. */
  private static EvidenceCollector mixed(String id) {
    return collector(
        id,
        true,
        (exchange, context) ->
            CollectionResult.of(
                List.of(
                    observed(exchange.id(), id, PAST.minus(Duration.ofDays(30)), 1),
                    observed(exchange.id(), id, PAST, 2),
                    observed(exchange.id(), id, NOW, 3))));
  }

  private static Assessor.Builder assessor() {
    return Assessor.builder().clock(CLOCK).collectorTimeout(Duration.ofSeconds(5));
  }

  @Test
  void aPastAsOfDropsEvidenceObservedAfterItWithAProblemNamingTheCollector() {
    try (Assessor assessor = assessor().asOf(PAST).collector(mixed("history")).build()) {
      EvidenceBundle bundle = assessor.assess("okx");
      assertThat(bundle.evidence())
          .extracting(e -> ((UserBase) e.fact()).users())
          .containsExactly(1L, 2L);
      assertThat(bundle.evidence())
          .allSatisfy(e -> assertThat(e.provenance().observedAt()).isBeforeOrEqualTo(PAST));
      CollectorOutcome outcome = bundle.outcomes().get(0);
      assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
      assertThat(outcome.reason()).isEqualTo(ReasonCode.AFTER_AS_OF);
      assertThat(outcome.evidenceCount()).isEqualTo(2);
      assertThat(outcome.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.reason()).isEqualTo(ReasonCode.AFTER_AS_OF);
                assertThat(p.message())
                    .contains("collector 'history'")
                    .contains("1 piece of evidence")
                    .contains(PAST.toString())
                    .contains(NOW.toString())
                    .contains("UserBase");
              });
    }
  }

  @Test
  void aCollectorWhoseEvidenceIsAllLaterIsSkippedForThatReason() {
    EvidenceCollector current =
        collector(
            "current",
            true,
            (exchange, context) ->
                CollectionResult.of(List.of(observed(exchange.id(), "current", NOW, 7))));
    try (Assessor assessor = assessor().asOf(PAST).collector(current).build()) {
      EvidenceBundle bundle = assessor.assess("okx");
      assertThat(bundle.evidence()).isEmpty();
      CollectorOutcome outcome = bundle.outcomes().get(0);
      assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
      assertThat(outcome.reason()).isEqualTo(ReasonCode.AFTER_AS_OF);
      assertThat(outcome.message()).contains("collector 'current'");
    }
  }

  @Test
  void earlierProblemsKeepTheirStatusAndTheDropIsAddedToThem() {
    EvidenceCollector failing =
        collector(
            "failing",
            true,
            (exchange, context) ->
                CollectionResult.builder()
                    .add(observed(exchange.id(), "failing", NOW, 4))
                    .add(observed(exchange.id(), "failing", PAST.minusSeconds(60), 5))
                    .problem(ReasonCode.TIMEOUT, "one source timed out", "https://example.com/t")
                    .build());
    try (Assessor assessor = assessor().asOf(PAST).collector(failing).build()) {
      CollectorOutcome outcome = assessor.assess("okx").outcomes().get(0);
      assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
      assertThat(outcome.reason()).isEqualTo(ReasonCode.TIMEOUT);
      assertThat(outcome.evidenceCount()).isEqualTo(1);
      assertThat(outcome.problems())
          .extracting(Problem::reason)
          .containsExactly(ReasonCode.TIMEOUT, ReasonCode.AFTER_AS_OF);
    }
  }

  @Test
  void aCollectorWithoutHistoryIsSkippedForAPastAsOfWithoutRunning() {
    AtomicInteger ran = new AtomicInteger();
    EvidenceCollector register =
        collector(
            "register",
            false,
            (exchange, context) -> {
              ran.incrementAndGet();
              return CollectionResult.of(List.of(observed(exchange.id(), "register", NOW, 9)));
            });
    try (Assessor assessor = assessor().asOf(PAST).collector(register).build()) {
      EvidenceBundle bundle = assessor.assess("okx");
      assertThat(bundle.evidence()).isEmpty();
      CollectorOutcome outcome = bundle.outcomes().get(0);
      assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
      assertThat(outcome.reason()).isEqualTo(ReasonCode.NO_HISTORY);
      assertThat(outcome.message()).contains(PAST.toString()).contains("current state");
    }
    assertThat(ran).hasValue(0);
  }

  @Test
  void withoutAPastAsOfNothingIsDroppedAndCollectorsWithoutHistoryRun() {
    List<Boolean> seen = new CopyOnWriteArrayList<>();
    EvidenceCollector register =
        collector(
            "register",
            false,
            (exchange, context) -> {
              seen.add(context.asOfInPast());
              // observed a moment after the run's start, as any live fetch is
              return CollectionResult.of(
                  List.of(observed(exchange.id(), "register", NOW.plusMillis(250), 9)));
            });
    List<Instant> asOfs = new ArrayList<>();
    asOfs.add(null);
    asOfs.add(NOW.plus(Duration.ofHours(11))); // the end of today, as --as-of gives it
    for (Instant asOf : asOfs) {
      try (Assessor assessor = assessor().asOf(asOf).collector(register).build()) {
        EvidenceBundle bundle = assessor.assess("okx");
        assertThat(bundle.evidence()).hasSize(1);
        assertThat(bundle.outcomes().get(0).status()).isEqualTo(OutcomeStatus.OK);
      }
    }
    assertThat(seen).containsExactly(false, false);
  }

  @Test
  void theContextTellsCollectorsWhenAsOfIsInThePast() {
    List<Boolean> seen = new CopyOnWriteArrayList<>();
    List<Instant> asOfs = new CopyOnWriteArrayList<>();
    EvidenceCollector probe =
        collector(
            "probe",
            true,
            (exchange, context) -> {
              seen.add(context.asOfInPast());
              asOfs.add(context.asOf());
              return CollectionResult.of(List.of());
            });
    try (Assessor assessor = assessor().asOf(PAST).collector(probe).build()) {
      assessor.assess("okx");
    }
    assertThat(seen).containsExactly(true);
    assertThat(asOfs).containsExactly(PAST);
  }

  @Test
  void evidenceForAnotherExchangeIsStillRefusedAlongsideTheAsOfGuard() {
    EvidenceCollector confused =
        collector(
            "confused",
            true,
            (exchange, context) ->
                CollectionResult.of(
                    List.of(
                        observed("bybit", "confused", PAST.minusSeconds(5), 1),
                        observed(exchange.id(), "confused", PAST.minusSeconds(5), 2),
                        observed(exchange.id(), "confused", NOW, 3))));
    try (Assessor assessor = assessor().asOf(PAST).collector(confused).build()) {
      CollectorOutcome outcome = assessor.assess("okx").outcomes().get(0);
      assertThat(outcome.status()).isEqualTo(OutcomeStatus.PARTIAL);
      assertThat(outcome.reason()).isEqualTo(ReasonCode.INTERNAL_ERROR);
      assertThat(outcome.evidenceCount()).isEqualTo(1);
      assertThat(outcome.problems())
          .extracting(Problem::reason)
          .containsExactly(ReasonCode.INTERNAL_ERROR, ReasonCode.AFTER_AS_OF);
    }
  }
}
