package io.cexsafe.store.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.scoring.RedFlagKind;
import io.cexsafe.store.Snapshot;
import io.cexsafe.store.TestSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRuleTest {
  private static Instant day(int d) {
    return Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86_400L * d);
  }

  private static TestSnapshots at(int d) {
    return TestSnapshots.at(day(d).toString());
  }

  @Test
  void reservesDownComparesTheLatestReadingWithTheOneAtTheWindowStart() {
    AlertRule rule = new AlertRule.ReservesDown("reserves", 10, 7);
    List<Snapshot> history =
        List.of(
            at(0).reserves(10_000_000_000L).snapshot("r0"),
            at(7).reserves(9_500_000_000L).snapshot("r7"),
            at(14).reserves(8_400_000_000L).snapshot("r14"));

    List<Alert> alerts = rule.evaluate(history);

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("reserves");
              assertThat(a.type()).isEqualTo("reserves-down");
              assertThat(a.exchange()).isEqualTo(TestSnapshots.EXCHANGE);
              assertThat(a.run()).isEqualTo("r14");
              assertThat(a.message()).startsWith("reserves down 11.6 %");
              assertThat(a.evidence()).hasSize(2);
            });
    // 5 % over the first week is below the threshold
    assertThat(rule.evaluate(history.subList(0, 2))).isEmpty();
  }

  @Test
  void reservesDownReadsBackfilledSnapshotsFromTheFirstRun() {
    TestSnapshots first =
        at(30).reserves(10_000_000_000L, day(20)).reserves(7_000_000_000L, day(29));
    assertThat(new AlertRule.ReservesDown("r", 20, 7).evaluate(List.of(first.snapshot("only"))))
        .singleElement()
        .satisfies(a -> assertThat(a.message()).startsWith("reserves down 30.0 %"));
  }

  @Test
  void anAlertFiresOnceWhileItsConditionLasts() {
    AlertRule rule = new AlertRule.ReservesDown("reserves", 10, 7);
    List<Snapshot> history =
        List.of(
            at(0).reserves(10_000_000_000L).snapshot("r0"),
            at(7).reserves(8_000_000_000L).snapshot("r7"),
            at(8).reserves(7_900_000_000L).snapshot("r8"));
    assertThat(rule.evaluate(history.subList(0, 2))).hasSize(1);
    assertThat(rule.holdingAt(history)).hasSize(1);
    assertThat(rule.evaluate(history)).isEmpty();
  }

  @Test
  void netOutflowUsesTheSharesOrComputesItFromReserves() {
    AlertRule rule = new AlertRule.NetOutflow("outflow", 5, 24);
    Snapshot withShare =
        at(1).netFlow(24, -600_000_000, -0.06).netFlow(168, -1, -0.9).snapshot("a");
    assertThat(rule.evaluate(List.of(withShare)))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.message())
                    .isEqualTo("net outflow of 6.0 % of reserves over 24 hours"));
    Snapshot computed = at(1).reserves(1_000_000_000L).netFlow(24, -70_000_000, null).snapshot("b");
    assertThat(rule.evaluate(List.of(computed)))
        .singleElement()
        .satisfies(a -> assertThat(a.evidence()).hasSize(2));
    Snapshot inflow = at(1).reserves(1_000_000_000L).netFlow(24, 70_000_000, null).snapshot("c");
    assertThat(rule.evaluate(List.of(inflow))).isEmpty();
    Snapshot unknown = at(1).netFlow(24, -70_000_000, null).snapshot("d");
    assertThat(rule.evaluate(List.of(unknown))).isEmpty();
  }

  @Test
  void licenceStatusChangeComparesTheSameLicenceAcrossRuns() {
    AlertRule rule = new AlertRule.LicenceStatusChange("licence");
    Snapshot before =
        at(0)
            .licence("928331", LicenceStatus.ACTIVE)
            .licence("1", LicenceStatus.ACTIVE)
            .snapshot("r0");
    Snapshot after =
        at(1)
            .licence("928331", LicenceStatus.REVOKED_OR_WITHDRAWN)
            .licence("1", LicenceStatus.ACTIVE)
            .snapshot("r1");
    assertThat(rule.evaluate(List.of(before, after)))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.message())
                  .isEqualTo("FCA 928331: status active -> revoked_or_withdrawn");
              assertThat(a.evidence()).hasSize(2);
            });
    assertThat(rule.evaluate(List.of(after))).isEmpty(); // nothing to compare with
  }

  @Test
  void newIncidentFiresForARecentIncidentTheRunBeforeDidNotHave() {
    AlertRule rule = new AlertRule.NewIncident("incident", 30);
    Snapshot quiet = at(0).snapshot("r0");
    Snapshot hacked = at(10).incident("2026-11-09", IncidentKind.HACK, 40_000_000).snapshot("r1");
    Snapshot again = at(11).incident("2026-11-09", IncidentKind.HACK, 40_000_000).snapshot("r2");
    assertThat(rule.evaluate(List.of(quiet, hacked)))
        .singleElement()
        .satisfies(a -> assertThat(a.message()).startsWith("new incident: hack on 2026-11-09"));
    assertThat(rule.evaluate(List.of(quiet, hacked, again))).isEmpty();
    Snapshot old = at(10).incident("2025-01-01", IncidentKind.HACK, 1).snapshot("r3");
    assertThat(rule.evaluate(List.of(old))).isEmpty();
  }

  @Test
  void staleProofOfReservesByItsOwnDateOrAMaximumAge() {
    Snapshot fresh = at(10).proofOfReserves("2026-11-05", 45).snapshot("r0");
    Snapshot stale = at(60).proofOfReserves("2026-11-05", 45).snapshot("r1");
    assertThat(new AlertRule.StaleProofOfReserves("por", null).evaluate(List.of(fresh))).isEmpty();
    assertThat(new AlertRule.StaleProofOfReserves("por", null).evaluate(List.of(fresh, stale)))
        .singleElement()
        .satisfies(
            a -> assertThat(a.message()).contains("dated 2026-11-05").contains("56 days old"));
    assertThat(new AlertRule.StaleProofOfReserves("por", 3).evaluate(List.of(fresh))).hasSize(1);
    assertThat(new AlertRule.StaleProofOfReserves("por", 3).evaluate(List.of(at(1).snapshot("x"))))
        .isEmpty();
  }

  @Test
  void redFlagFiresForNewFlagsOfTheChosenKinds() {
    Snapshot calm = at(0).reserves(10_000_000_000L).snapshot("r0");
    Snapshot halted =
        at(1)
            .reserves(10_000_000_000L)
            .incident("2026-11-01", IncidentKind.WITHDRAWAL_HALT, 0)
            .snapshot("r1");
    assertThat(halted.scorecard().redFlags()).isNotEmpty();
    List<Alert> alerts =
        new AlertRule.RedFlagRaised("flags", Set.of()).evaluate(List.of(calm, halted));
    assertThat(alerts).isNotEmpty();
    assertThat(alerts.get(0).message()).startsWith("red flag withdrawals-halted");
    assertThat(alerts.get(0).evidence()).isNotEmpty();
    assertThat(
            new AlertRule.RedFlagRaised("flags", Set.of(RedFlagKind.FAILED_PROOF))
                .evaluate(List.of(calm, halted)))
        .isEmpty();
  }

  @Test
  void gradeAndScoreDropsCompareTheLastTwoRuns() {
    TestSnapshots good =
        at(0)
            .reserves(10_000_000_000L)
            .licence("1", LicenceStatus.ACTIVE)
            .proofOfReserves("2026-10-25", 60);
    TestSnapshots bad =
        at(1)
            .reserves(10_000_000_000L)
            .licence("1", LicenceStatus.REVOKED_OR_WITHDRAWN)
            .proofOfReserves("2026-10-25", 60);
    List<Snapshot> history = List.of(good.snapshot("r0"), bad.snapshot("r1"));
    double fell = good.scorecard().estimate() - bad.scorecard().estimate();
    assertThat(fell).isPositive();
    assertThat(new AlertRule.ScoreDrop("score", fell).evaluate(history))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.message()).contains("since run r0");
              assertThat(a.evidence()).isNotEmpty();
            });
    assertThat(new AlertRule.ScoreDrop("score", fell + 0.5).evaluate(history)).isEmpty();
    // thin evidence: neither run is rated, so there is no grade to drop
    assertThat(new AlertRule.GradeDrop("grade", 1).evaluate(history)).isEmpty();
  }

  @Test
  void rulesRefuseNonsense() {
    assertThatThrownBy(() -> new AlertRule.ReservesDown("r", 0, 7))
        .hasMessage("percent must be above 0 and at most 100: 0.0");
    assertThatThrownBy(() -> new AlertRule.GradeDrop("Bad Id", 1))
        .hasMessageStartingWith("id must be");
    assertThatThrownBy(() -> new AlertRule.NewIncident("n", 0))
        .hasMessageStartingWith("withinDays must be");
    assertThat(new AlertRule.ScoreDrop("s", 1).evaluate(List.of())).isEmpty();
  }
}
