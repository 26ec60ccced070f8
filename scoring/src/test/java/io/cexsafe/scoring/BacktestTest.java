package io.cexsafe.scoring;

import static io.cexsafe.scoring.Fixtures.AS_OF;
import static io.cexsafe.scoring.Fixtures.daysAgo;
import static io.cexsafe.scoring.Fixtures.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.EvidenceClass;
import io.cexsafe.facts.RegulatoryWarning;
import io.cexsafe.scoring.Backtest.Case;
import io.cexsafe.scoring.Backtest.Expectation;
import io.cexsafe.scoring.Backtest.Kind;
import io.cexsafe.scoring.Backtest.Role;
import io.cexsafe.scoring.Backtest.Verdict;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final Scorecard ANY = Scorer.standard().score(empty("any"));

  private static EvidenceBundle empty(String exchange) {
    return new EvidenceBundle(exchange, AS_OF, List.of(), List.of());
  }

  private static EvidenceBundle warned(String exchange) {
    RegulatoryWarning warning =
        new RegulatoryWarning(
            "GB",
            "FCA",
            "Acme Ltd",
            "withdrawals halted",
            LocalDate.parse("2026-10-20"),
            URI.create("https://example.test/warning"),
            false);
    return new EvidenceBundle(
        exchange,
        AS_OF,
        List.of(ev(exchange, warning, EvidenceClass.REGULATOR_REGISTER, "regs", daysAgo(12), null)),
        List.of());
  }

  private static Verdict verdict(String id, Role role, Grade grade, double estimate, String flag) {
    return new Verdict(id, role, grade, estimate, flag == null ? List.of() : List.of(flag), ANY);
  }

  @Test
  void anExchangeWithoutEvidenceIsNotRatedAndRanksLowest() {
    Backtest.Result result =
        Backtest.of(Scorer.standard())
            .run(
                List.of(new Case("thin-2020-01-01", empty("thin"), Role.THIN, null, "nothing")),
                List.of(
                    Expectation.of("thin-2020-01-01", Kind.NOT_RATED),
                    Expectation.atMost("thin-2020-01-01", Grade.D),
                    Expectation.atLeast("thin-2020-01-01", Grade.D),
                    Expectation.of("thin-2020-01-01", Kind.NOT_FLAGGED)));

    assertThat(result.checks())
        .extracting(Backtest.Check::passed)
        .containsExactly(true, true, false, true);
    assertThat(result.passed()).isFalse();
    assertThat(result.summary().thin()).isEqualTo(1);
    assertThat(result.summary().thinNotRated()).isEqualTo(1);
    assertThat(result.summary().failed()).isEqualTo(1);
    assertThat(result.checks().get(0).detail()).startsWith("NR ");
  }

  @Test
  void aRegulatorWarningAgainstTheExchangeIsAFlag() {
    Backtest.Result result =
        Backtest.of(Scorer.standard())
            .run(
                List.of(
                    new Case(
                        "acme-2026-11-01",
                        warned("acme"),
                        Role.FAILED,
                        LocalDate.parse("2026-10-20"),
                        "halted"),
                    new Case("calm-2026-11-01", empty("calm"), Role.SURVIVOR, null, null)),
                List.of(
                    Expectation.of("acme-2026-11-01", Kind.FLAGGED),
                    Expectation.of("calm-2026-11-01", Kind.NOT_FLAGGED),
                    Expectation.of("acme-2026-11-01", Kind.NOT_FLAGGED)));

    assertThat(result.checks())
        .extracting(Backtest.Check::passed)
        .containsExactly(true, true, false);
    assertThat(result.checks().get(2).detail()).contains("flagged:");
    Backtest.Summary summary = result.summary();
    assertThat(summary.failures()).isEqualTo(1);
    assertThat(summary.failuresFlagged()).isEqualTo(1);
    assertThat(summary.survivors()).isEqualTo(1);
    assertThat(summary.survivorsNotFlagged()).isEqualTo(1);
  }

  @Test
  void belowComparesGradesWithNotRatedLowestThenTheConservativeEstimate() {
    Map<String, Verdict> verdicts =
        Map.of(
            "nr", verdict("nr", Role.THIN, null, 45, null),
            "ccc", verdict("ccc", Role.PRE_COLLAPSE, Grade.CCC, 35, null),
            "ccc-higher", verdict("ccc-higher", Role.REFERENCE, Grade.CCC, 38, null),
            "bbb", verdict("bbb", Role.REFERENCE, Grade.BBB, 61, null));

    assertThat(Backtest.check(Expectation.below("nr", "ccc"), verdicts).passed()).isTrue();
    assertThat(Backtest.check(Expectation.below("ccc", "bbb"), verdicts).passed()).isTrue();
    assertThat(Backtest.check(Expectation.below("ccc", "ccc-higher"), verdicts).passed()).isTrue();
    assertThat(Backtest.check(Expectation.below("bbb", "ccc"), verdicts).passed()).isFalse();
    assertThat(Backtest.check(Expectation.below("ccc-higher", "ccc"), verdicts).passed()).isFalse();
    assertThat(Backtest.check(Expectation.below("ccc", "bbb"), verdicts).detail())
        .isEqualTo("CCC 35.0 vs BBB 61.0");
  }

  @Test
  void equalVerdictsAreNotStrictlyBelow() {
    Map<String, Verdict> verdicts =
        Map.of(
            "a", verdict("a", Role.REFERENCE, Grade.BB, 55, null),
            "b", verdict("b", Role.REFERENCE, Grade.BB, 55, null),
            "nr1", verdict("nr1", Role.THIN, null, 10, null),
            "nr2", verdict("nr2", Role.THIN, null, 20, null));

    assertThat(Backtest.check(Expectation.below("a", "b"), verdicts).passed()).isFalse();
    assertThat(Backtest.check(Expectation.below("nr1", "nr2"), verdicts).passed()).isTrue();
  }

  @Test
  void gradeBoundsIncludeTheBoundAndNotRatedIsBelowEveryGrade() {
    Map<String, Verdict> verdicts =
        Map.of(
            "ccc", verdict("ccc", Role.FAILED, Grade.CCC, 33, "withdrawals halted"),
            "nr", verdict("nr", Role.THIN, null, 70, null));

    assertThat(Backtest.check(Expectation.atMost("ccc", Grade.CCC), verdicts).passed()).isTrue();
    assertThat(Backtest.check(Expectation.atMost("ccc", Grade.CC), verdicts).passed()).isFalse();
    assertThat(Backtest.check(Expectation.atLeast("ccc", Grade.CCC), verdicts).passed()).isTrue();
    assertThat(Backtest.check(Expectation.atLeast("ccc", Grade.B), verdicts).passed()).isFalse();
    assertThat(Backtest.check(Expectation.atMost("nr", Grade.D), verdicts).passed()).isTrue();
    assertThat(Backtest.check(Expectation.atLeast("nr", Grade.D), verdicts).passed()).isFalse();
    assertThat(Backtest.check(Expectation.of("ccc", Kind.FLAGGED), verdicts).detail())
        .isEqualTo("CCC 33.0, flagged: withdrawals halted");
  }

  @Test
  void badCasesAndExpectationsAreRefusedWithTheirReason() {
    Backtest backtest = Backtest.of(Scorer.standard());
    Case one = new Case("one", empty("one"), Role.THIN, null, null);

    assertThatThrownBy(() -> backtest.run(List.of(one, one), List.of()))
        .hasMessage("case id one appears twice");
    assertThatThrownBy(() -> backtest.run(List.of(one), List.of(Expectation.below("one", "two"))))
        .hasMessage("expectation 'one below two' names an unknown case: two");
    assertThatThrownBy(() -> new Case("Not Kebab", empty("x"), Role.THIN, null, null))
        .hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> new Expectation("one", Kind.AT_MOST, null, null, null))
        .hasMessageContaining("need a grade");
    assertThatThrownBy(() -> new Expectation("one", Kind.BELOW, null, null, null))
        .hasMessageContaining("names another case");
    assertThatThrownBy(() -> Expectation.below("one", "one")).hasMessageContaining("itself");
    assertThatThrownBy(() -> Kind.fromId("above")).hasMessageContaining("unknown expectation");
    assertThatThrownBy(() -> Role.fromId("winner")).hasMessageContaining("unknown role");
  }

  @Test
  void summaryCountsCollapsesWarnedByFlagOrLowGrade() {
    Backtest.Result result =
        Backtest.of(Scorer.standard())
            .run(
                List.of(
                    new Case("gone", warned("gone"), Role.PRE_COLLAPSE, null, null),
                    new Case("quiet", empty("quiet"), Role.PRE_COLLAPSE, null, null)),
                List.of());

    Backtest.Summary summary = result.summary();
    assertThat(summary.collapses()).isEqualTo(2);
    assertThat(summary.collapsesFlagged()).isEqualTo(1);
    // the second has no evidence: not rated, which counts as a warning but not as a flag
    assertThat(summary.collapsesWarned()).isEqualTo(2);
    assertThat(result.passed()).isTrue();
    assertThat(summary.lines())
        .contains(
            "collapses flagged before they happened: 1 of 2"
                + " (flagged, not rated or B and below: 2)");
  }
}
