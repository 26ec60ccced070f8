package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.Evidence;
import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.Pillar;
import io.cexsafe.Provenance;
import io.cexsafe.facts.ColdStorage;
import io.cexsafe.facts.Fact;
import io.cexsafe.facts.Governance;
import io.cexsafe.facts.NetFlow;
import io.cexsafe.facts.ReserveComposition;
import io.cexsafe.facts.ReserveTrend;
import io.cexsafe.scoring.Finding;
import io.cexsafe.scoring.FindingKind;
import io.cexsafe.scoring.RuleStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The choices rules make in plain code rather than lambdas and comparators (issue #19): which
 * window or fact wins, and when two sources disagree enough to report a conflict.
 */
class RuleFunctionsAsCodeTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  private static Evidence evidence(String collector, Fact fact) {
    return Evidence.of(
        "okx",
        fact,
        Provenance.builder(collector)
            .source("https://example.com/" + collector, "x")
            .observedAt(AS_OF)
            .retrievedAt(AS_OF)
            .evidenceClass(EvidenceClass.EXCHANGE_DISCLOSURE)
            .build());
  }

  private static ScoringContext context(Evidence... evidence) {
    return new ScoringContext(
        new EvidenceBundle("okx", AS_OF, new ArrayList<>(List.of(evidence)), List.of()), Set.of());
  }

  private static Outcome evaluate(Pillar pillar, String id, ScoringContext ctx) {
    Rule rule =
        RuleBook.rules(pillar).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    return rule.evaluate(ctx);
  }

  private static List<Finding> conflicts(Outcome outcome) {
    return outcome.findings().stream().filter(f -> f.kind() == FindingKind.CONFLICT).toList();
  }

  @Test
  void reserveStabilityReadsTheFlowClosestToThirtyDays() {
    Outcome outcome =
        evaluate(
            Pillar.CUSTODY,
            "custody.reserve-stability",
            context(
                evidence("weekly", new NetFlow(168, new BigDecimal("-1000"), -0.6)),
                evidence("monthly", new NetFlow(720, new BigDecimal("-100"), -0.025)),
                evidence("trend", new ReserveTrend(30, -0.5, 0.5))));
    assertThat(outcome.status()).isEqualTo(RuleStatus.KNOWN);
    assertThat(outcome.value()).isEqualTo("-2.5% (30-day net flow)");
  }

  @Test
  void withoutAFlowTheTrendClosestToThirtyDaysWithinSevenToNinetyCounts() {
    Outcome outcome =
        evaluate(
            Pillar.CUSTODY,
            "custody.reserve-stability",
            context(
                evidence("long", new ReserveTrend(120, -0.01, 0.1)),
                evidence("week", new ReserveTrend(7, -0.4, 0.4)),
                evidence("fortnight", new ReserveTrend(14, -0.05, 0.1))));
    assertThat(outcome.value()).isEqualTo("-5.0% (14-day reserve change)");
  }

  @Test
  void aTrendOutsideSevenToNinetyDaysOrAFlowWithoutAShareLeavesStabilityUnknown() {
    Outcome outcome =
        evaluate(
            Pillar.CUSTODY,
            "custody.reserve-stability",
            context(
                evidence("long", new ReserveTrend(120, -0.01, 0.1)),
                evidence("flow", new NetFlow(720, new BigDecimal("-100"), null))));
    assertThat(outcome.status()).isEqualTo(RuleStatus.UNKNOWN);
  }

  @Test
  void sharesConflictOnlyWhenTheyDifferByMoreThanFivePoints() {
    Outcome far =
        evaluate(
            Pillar.CUSTODY,
            "custody.cold-storage",
            context(
                evidence("terms", new ColdStorage(0.90, "most assets in cold storage")),
                evidence("news", new ColdStorage(0.80, "most assets in cold storage"))));
    assertThat(conflicts(far))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("cold-storage share: used"));
    Outcome near =
        evaluate(
            Pillar.CUSTODY,
            "custody.cold-storage",
            context(
                evidence("terms", new ColdStorage(0.90, "most assets in cold storage")),
                evidence("news", new ColdStorage(0.87, "most assets in cold storage"))));
    assertThat(conflicts(near)).isEmpty();
    assertThat(near.status()).isEqualTo(RuleStatus.KNOWN);
  }

  @Test
  void theLongTailShareComesFromTheMajorAssetShareWhenNotStated() {
    Outcome outcome =
        evaluate(
            Pillar.CUSTODY,
            "custody.long-tail-concentration",
            context(
                evidence(
                    "tracker",
                    new ReserveComposition(null, null, 0.75, null, null, null, List.of()))));
    assertThat(outcome.value()).isEqualTo("25.0% long tail");
  }

  @Test
  void governanceStatementsConflictWhenTheyContradictAndANamedEntityWins() {
    ScoringContext ctx =
        context(
            evidence("terms", new Governance(true, "OKX Europe Ltd", null, null, null)),
            evidence("news", new Governance(false, null, null, null, null)));
    Outcome statements = evaluate(Pillar.REGULATION, "regulation.financial-statements", ctx);
    assertThat(conflicts(statements)).hasSize(1);
    Outcome entity = evaluate(Pillar.REGULATION, "regulation.operating-entity", ctx);
    assertThat(entity.value()).isEqualTo("OKX Europe Ltd");
    assertThat(evaluate(Pillar.REGULATION, "regulation.operating-entity", context()).status())
        .isEqualTo(RuleStatus.UNKNOWN);
  }
}
