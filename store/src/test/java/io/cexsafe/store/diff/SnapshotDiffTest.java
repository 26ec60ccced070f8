package io.cexsafe.store.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.Json;
import io.cexsafe.facts.IncidentKind;
import io.cexsafe.facts.LicenceStatus;
import io.cexsafe.scoring.Scorecard;
import io.cexsafe.store.TestSnapshots;
import io.cexsafe.store.diff.FactChange.ChangeKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
  private static SnapshotDiff diff(TestSnapshots from, TestSnapshots to) {
    return SnapshotDiff.between(
        "run-1", from.bundle(), from.scorecard(), "run-2", to.bundle(), to.scorecard());
  }

  @Test
  void matchesFactsByIdentityIntoAddedRemovedAndChanged() {
    TestSnapshots before =
        TestSnapshots.at("2026-11-01T00:00:00Z")
            .reserves(10_000_000_000L)
            .licence("928331", LicenceStatus.ACTIVE)
            .netFlow(24, -5_000_000, -0.0005);
    TestSnapshots after =
        TestSnapshots.at("2026-12-01T00:00:00Z")
            .reserves(10_000_000_000L)
            .licence("928331", LicenceStatus.REVOKED_OR_WITHDRAWN)
            .incident("2026-11-20", IncidentKind.HACK, 40_000_000);

    SnapshotDiff diff = diff(before, after);

    assertThat(diff.facts(ChangeKind.ADDED))
        .singleElement()
        .satisfies(c -> assertThat(c.identity()).isEqualTo("defillama:incident:2026-11-20|hack"));
    assertThat(diff.facts(ChangeKind.REMOVED))
        .singleElement()
        .satisfies(c -> assertThat(c.identity()).isEqualTo("defillama:net-flow:24h"));
    // the reserve snapshot was read again a month later with the same value: unchanged
    assertThat(diff.facts(ChangeKind.CHANGED))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.identity()).isEqualTo("regulators:licence:gb|fca|928331");
              assertThat(c.before().id()).isNotEqualTo(c.after().id());
              assertThat(c.factType()).isEqualTo("licence");
            });
    assertThat(diff.facts())
        .extracting(FactChange::kind)
        .containsExactly(ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.CHANGED);
    assertThat(diff.fromRunId()).isEqualTo("run-1");
    assertThat(diff.toAsOf()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void explainsTheScoreDeltaByTheRulesThatMovedIt() {
    TestSnapshots before =
        TestSnapshots.at("2026-11-01T00:00:00Z").licence("928331", LicenceStatus.ACTIVE);
    TestSnapshots after =
        TestSnapshots.at("2026-12-01T00:00:00Z")
            .licence("928331", LicenceStatus.REVOKED_OR_WITHDRAWN);
    Scorecard was = before.scorecard();
    Scorecard now = after.scorecard();

    SnapshotDiff diff = diff(before, after);

    assertThat(diff.estimateBefore()).isEqualTo(was.estimate());
    assertThat(diff.estimateAfter()).isEqualTo(now.estimate());
    assertThat(diff.estimateDelta()).isNegative();
    assertThat(diff.rules()).isNotEmpty();
    // every moved rule is listed, so their effects add up to the change (up to the rounding)
    double explained = diff.rules().stream().mapToDouble(RuleDelta::overallImpact).sum();
    assertThat(explained)
        .isCloseTo(diff.estimateDelta(), org.assertj.core.data.Offset.offset(0.05));
    RuleDelta largest = diff.rules().get(0);
    assertThat(largest.overallImpact()).isNegative();
    assertThat(now.rule(largest.ruleId()).points()).isEqualTo(largest.pointsAfter());
    assertThat(diff.rules())
        .allSatisfy(
            r ->
                assertThat(Math.abs(r.overallImpact()))
                    .isLessThanOrEqualTo(Math.abs(largest.overallImpact())));
  }

  @Test
  void anUnchangedSnapshotIsAnEmptyDiff() {
    TestSnapshots same =
        TestSnapshots.at("2026-11-01T00:00:00Z")
            .reserves(5_000_000_000L)
            .licence("1", LicenceStatus.ACTIVE);
    SnapshotDiff diff = diff(same, same);
    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.estimateDelta()).isZero();
    assertThat(diff.gradeStepsDown()).isNull(); // thin evidence: not rated on either side
  }

  @Test
  void serialisesToJsonWithTheEvidenceOfEachChange() {
    SnapshotDiff diff =
        diff(
            TestSnapshots.at("2026-11-01T00:00:00Z"),
            TestSnapshots.at("2026-12-01T00:00:00Z").reserves(7_000_000_000L));
    String json = diff.toJson();
    var tree = Json.read(json, "diff", com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(tree.path("exchangeId").asText()).isEqualTo("kraken");
    assertThat(tree.path("facts").get(0).path("kind").asText()).isEqualTo("added");
    assertThat(tree.path("facts").get(0).path("after").path("fact").path("type").asText())
        .isEqualTo("reserve-snapshot");
  }

  @Test
  void refusesSnapshotsOfTwoExchanges() {
    TestSnapshots kraken = TestSnapshots.at("2026-11-01T00:00:00Z");
    EvidenceBundle other =
        new EvidenceBundle("binance", Instant.parse("2026-11-02T00:00:00Z"), List.of(), List.of());
    assertThatThrownBy(
            () ->
                SnapshotDiff.between(
                    null,
                    kraken.bundle(),
                    kraken.scorecard(),
                    null,
                    other,
                    io.cexsafe.scoring.Scorer.standard().score(other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kraken and binance");
  }
}
