package io.cexsafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorOutcomeTest {
  private static final Problem TIMEOUT =
      new Problem(ReasonCode.TIMEOUT, "GET https://example.org/a timed out", null, null);
  private static final Problem DROPPED_1 =
      new Problem(ReasonCode.INTERNAL_ERROR, "dropped evidence e1", null, null);
  private static final Problem DROPPED_2 =
      new Problem(ReasonCode.INTERNAL_ERROR, "dropped evidence e2", null, null);

  @Test
  void okHasNoReasonMessageOrProblems() {
    CollectorOutcome ok = CollectorOutcome.ok("regulators", 3);

    assertThat(ok)
        .isEqualTo(
            new CollectorOutcome(
                "regulators", OutcomeStatus.OK, ReasonCode.NONE, null, 3, List.of()));
    assertThat(ok.isOk()).isTrue();
  }

  @Test
  void partialFailedAndSkippedCarryTheirReason() {
    assertThat(
            CollectorOutcome.partial(
                "regulators", ReasonCode.TIMEOUT, TIMEOUT.message(), 2, List.of(TIMEOUT)))
        .isEqualTo(
            new CollectorOutcome(
                "regulators",
                OutcomeStatus.PARTIAL,
                ReasonCode.TIMEOUT,
                TIMEOUT.message(),
                2,
                List.of(TIMEOUT)));
    assertThat(
            CollectorOutcome.failed(
                "regulators", ReasonCode.TIMEOUT, TIMEOUT.message(), List.of(TIMEOUT)))
        .isEqualTo(
            new CollectorOutcome(
                "regulators",
                OutcomeStatus.FAILED,
                ReasonCode.TIMEOUT,
                TIMEOUT.message(),
                0,
                List.of(TIMEOUT)));
    assertThat(CollectorOutcome.skipped("reviews", ReasonCode.OFFLINE, "offline run"))
        .isEqualTo(
            new CollectorOutcome(
                "reviews", OutcomeStatus.SKIPPED, ReasonCode.OFFLINE, "offline run", 0, List.of()));
    assertThat(
            CollectorOutcome.skipped(
                    "reviews", ReasonCode.AFTER_AS_OF, "dropped", List.of(DROPPED_1))
                .problems())
        .containsExactly(DROPPED_1);
  }

  @Test
  void aFactoryRefusesAMissingReason() {
    assertThatThrownBy(() -> CollectorOutcome.skipped("reviews", ReasonCode.NONE, "why"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("skipped outcome needs a reason");
    assertThatThrownBy(() -> CollectorOutcome.failed("reviews", ReasonCode.NONE, "x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CollectorOutcome.ok(" ", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CollectorOutcome.ok("reviews", -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CollectorOutcome.timedOut("reviews", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void timedOutSaysAfterHowLongAndKeepsNothing() {
    CollectorOutcome cut = CollectorOutcome.timedOut("defillama", Duration.ofMillis(1500));

    assertThat(cut.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(cut.reason()).isEqualTo(ReasonCode.DEADLINE_EXCEEDED);
    assertThat(cut.message()).isEqualTo("cut off after 1500 ms");
    assertThat(cut.evidenceCount()).isZero();
    assertThat(cut.problems()).isEmpty();
  }

  @Test
  void threwIsAnInternalErrorNamingTheExceptionWithOneProblem() {
    CollectorOutcome threw =
        CollectorOutcome.threw("plugin", new IllegalStateException("index 3 out of bounds"));

    String message = "collector threw IllegalStateException: index 3 out of bounds";
    assertThat(threw)
        .isEqualTo(
            new CollectorOutcome(
                "plugin",
                OutcomeStatus.FAILED,
                ReasonCode.INTERNAL_ERROR,
                message,
                0,
                List.of(new Problem(ReasonCode.INTERNAL_ERROR, message, null, null))));
    assertThat(CollectorOutcome.threw("plugin", new NoClassDefFoundError("okhttp3/Call")).message())
        .isEqualTo("collector threw NoClassDefFoundError: okhttp3/Call");
  }

  @Test
  void droppingFromAnOkOutcomeMakesItPartialOrTheGivenStatusWhenNothingIsLeft() {
    CollectorOutcome partial =
        CollectorOutcome.reported("x", OutcomeStatus.OK, ReasonCode.NONE, null, 2, List.of())
            .afterDropping(
                List.of(DROPPED_1, DROPPED_2), ReasonCode.INTERNAL_ERROR, OutcomeStatus.FAILED);
    assertThat(partial)
        .isEqualTo(
            new CollectorOutcome(
                "x",
                OutcomeStatus.PARTIAL,
                ReasonCode.INTERNAL_ERROR,
                DROPPED_2.message(),
                2,
                List.of(DROPPED_1, DROPPED_2)));

    CollectorOutcome nothingLeft =
        CollectorOutcome.reported("x", OutcomeStatus.OK, ReasonCode.NONE, null, 0, List.of())
            .afterDropping(List.of(DROPPED_1), ReasonCode.AFTER_AS_OF, OutcomeStatus.SKIPPED);
    assertThat(nothingLeft.status()).isEqualTo(OutcomeStatus.SKIPPED);
    assertThat(nothingLeft.reason()).isEqualTo(ReasonCode.AFTER_AS_OF);
    assertThat(nothingLeft.message()).isEqualTo(DROPPED_1.message());
  }

  @Test
  void droppingFromAnOutcomeThatWasNotOkOnlyAddsTheProblems() {
    CollectorOutcome failed =
        CollectorOutcome.reported(
            "x", OutcomeStatus.PARTIAL, ReasonCode.TIMEOUT, TIMEOUT.message(), 1, List.of(TIMEOUT));

    CollectorOutcome after =
        failed.afterDropping(List.of(DROPPED_1), ReasonCode.INTERNAL_ERROR, OutcomeStatus.FAILED);

    assertThat(after.status()).isEqualTo(OutcomeStatus.PARTIAL);
    assertThat(after.reason()).isEqualTo(ReasonCode.TIMEOUT);
    assertThat(after.message()).isEqualTo(TIMEOUT.message());
    assertThat(after.evidenceCount()).isEqualTo(1);
    assertThat(after.problems()).containsExactly(TIMEOUT, DROPPED_1);
  }

  @Test
  void droppingNothingChangesNothing() {
    CollectorOutcome ok = CollectorOutcome.ok("x", 4);

    assertThat(ok.afterDropping(List.of(), ReasonCode.INTERNAL_ERROR, OutcomeStatus.FAILED))
        .isSameAs(ok);
  }

  @Test
  void factoriesSerialiseLikeTheConstructor() {
    CollectorOutcome built = CollectorOutcome.timedOut("defillama", Duration.ofSeconds(2));
    String json = Json.write(built);

    assertThat(json)
        .isEqualTo(
            Json.write(
                new CollectorOutcome(
                    "defillama",
                    OutcomeStatus.FAILED,
                    ReasonCode.DEADLINE_EXCEEDED,
                    "cut off after 2000 ms",
                    0,
                    List.of())));
    assertThat(json).doesNotContain("afterDropping").doesNotContain("reported");
  }
}
