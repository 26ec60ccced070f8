package io.cexsafe.store.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.store.ReconstructedFact;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.TestSnapshots;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reserve and incident rules read what a backfill reconstructed. */
class BackfilledAlertsTest {
  private static Instant day(int d) {
    return Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86_400L * d);
  }

  private static TestSnapshots at(int d) {
    return TestSnapshots.at(day(d).toString());
  }

  /** Facts as the store gives them back from a backfill made on day 30. */
  private static List<ReconstructedFact> rebuilt(TestSnapshots facts) {
    return facts.bundle().evidence().stream()
        .map(e -> new ReconstructedFact("backfill-1", e, day(30)))
        .toList();
  }

  @Test
  void reservesDownFiresAtTheFirstRunFromABackfilledTrendAndSaysSo() {
    List<ReconstructedFact> past =
        rebuilt(
            at(30)
                .reserves(10_000_000_000L, day(20))
                .reserves(9_900_000_000L, day(25))
                .reserves(9_000_000_000L, day(29)));
    Snapshot first = at(30).reserves(7_500_000_000L).snapshot("run-1");
    AlertRule rule = new AlertRule.ReservesDown("reserves", 20, 7);

    assertThat(rule.evaluate(List.of(first))).isEmpty(); // one reading: no trend
    assertThat(rule.evaluate(List.of(first), past))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.run()).isEqualTo("run-1");
              assertThat(a.message())
                  .startsWith("reserves down 25.0 % from 2026-11-21T00:00:00Z")
                  .endsWith(AlertRule.RECONSTRUCTED_NOTE);
              assertThat(a.evidence()).extracting(Evidence::id).hasSize(2);
            });
    // a second run with the condition still holding does not fire again
    Snapshot second = at(31).reserves(7_400_000_000L).snapshot("run-2");
    assertThat(rule.evaluate(List.of(first, second), past)).isEmpty();
  }

  @Test
  void anAssessedReadingWinsOverAReconstructedOneOfTheSameDay() {
    // the backfill says reserves halved on day 29; the run of day 29 read them unchanged
    List<ReconstructedFact> past =
        rebuilt(at(30).reserves(10_000_000_000L, day(22)).reserves(5_000_000_000L, day(29)));
    Snapshot run = at(29).reserves(10_000_000_000L).snapshot("run-1");
    assertThat(new AlertRule.ReservesDown("r", 20, 7).evaluate(List.of(run), past)).isEmpty();
  }

  @Test
  void reconstructedFactsAfterTheRunAndOtherRulesAreNotRead() {
    List<ReconstructedFact> future =
        rebuilt(at(30).reserves(10_000_000_000L, day(40)).reserves(1_000_000_000L, day(41)));
    Snapshot run = at(30).reserves(9_000_000_000L).snapshot("run-1");
    assertThat(new AlertRule.ReservesDown("r", 5, 7).evaluate(List.of(run), future)).isEmpty();
    assertThat(new AlertRule.ScoreDrop("s", 1).evaluate(List.of(run), future)).isEmpty();
  }

  @Test
  void anIncidentKnownOnlyFromTheBackfillAlertsAndSaysSo() {
    List<ReconstructedFact> past = rebuilt(at(30).incident("2026-11-28", IncidentKind.HACK, 5));
    AlertRule rule = new AlertRule.NewIncident("incident", 7);
    Snapshot withoutHacks = at(30).snapshot("run-1");
    assertThat(rule.evaluate(List.of(withoutHacks), past))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.message())
                    .startsWith("new incident: hack on 2026-11-28")
                    .endsWith(AlertRule.RECONSTRUCTED_NOTE));
    // reported by the run itself: the run's own evidence, no note
    Snapshot withHacks = at(30).incident("2026-11-28", IncidentKind.HACK, 5).snapshot("run-1");
    assertThat(rule.evaluate(List.of(withHacks), past))
        .singleElement()
        .satisfies(a -> assertThat(a.message()).doesNotContain("reconstructed"));
  }
}
