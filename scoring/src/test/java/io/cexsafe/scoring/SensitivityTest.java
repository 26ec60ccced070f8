package io.cexsafe.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.EvidenceBundle;
import io.cexsafe.Pillar;
import io.cexsafe.scoring.internal.WeightSampler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivityTest {
  private final Methodology methodology = Methodology.defaultMethodology();

  /** A scorecard with the given pillar estimates (null = no coverage), in pillar order. */
  static Scorecard card(String exchange, Double... estimates) {
    List<PillarScore> pillars = new ArrayList<>();
    double sum = 0;
    double weight = 0;
    for (Pillar pillar : Pillar.values()) {
      Double e = estimates[pillar.ordinal()];
      double w = pillar.defaultWeight();
      pillars.add(
          new PillarScore(
              pillar, w, e, e == null ? 0 : e, e == null ? 100 : e, e == null ? 0 : 1, List.of()));
      if (e != null) {
        sum += w * e;
        weight += w;
      }
    }
    Double overall = weight == 0 ? null : sum / weight;
    return new Scorecard(
        exchange,
        "cexsafe-default",
        "1.0",
        "1.0",
        Instant.EPOCH,
        overall,
        0,
        100,
        0.5,
        overall == null ? null : Grade.of(overall),
        overall == null ? null : Grade.of(overall),
        overall == null ? "no evidence" : null,
        overall != null,
        List.of(),
        pillars,
        List.of(),
        List.of());
  }

  @Test
  void dominantExchangeIsAlwaysFirst() {
    Scorecard best = card("best", 90.0, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0);
    Scorecard worst = card("worst", 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0);
    SensitivityReport report =
        Sensitivity.around(methodology).draws(2000).run(List.of(worst, best));
    assertThat(report.exchanges())
        .extracting(SensitivityReport.ExchangeStability::exchangeId)
        .containsExactly("best", "worst");
    SensitivityReport.ExchangeStability first = report.exchanges().get(0);
    assertThat(first.shareFirst()).isEqualTo(1.0);
    assertThat(first.bestRank()).isEqualTo(1);
    assertThat(first.worstRank()).isEqualTo(1);
    assertThat(report.exchanges().get(1).shareFirst()).isZero();
  }

  @Test
  void tradeOffsSplitFirstPlaceAndAreDeterministicForASeed() {
    // custody-heavy vs. app-heavy: which one leads depends on the weights
    Scorecard custody = card("custody", 95.0, 60.0, 60.0, 60.0, 30.0, 60.0, 30.0, 30.0);
    Scorecard app = card("app", 40.0, 60.0, 60.0, 60.0, 95.0, 60.0, 90.0, 90.0);
    Scorecard unrated = card("unrated", null, null, null, null, null, null, null, null);
    Sensitivity sensitivity =
        Sensitivity.around(methodology).draws(5000).concentration(20).seed(42);
    SensitivityReport report = sensitivity.run(List.of(custody, app, unrated));
    assertThat(report.unrated()).containsExactly("unrated");
    double shares =
        report.exchanges().stream()
            .mapToDouble(SensitivityReport.ExchangeStability::shareFirst)
            .sum();
    assertThat(shares).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.001));
    assertThat(report.exchanges())
        .allSatisfy(
            e -> {
              assertThat(e.shareFirst()).isBetween(0.01, 0.99);
              assertThat(e.bestRank()).isEqualTo(1);
              assertThat(e.worstRank()).isEqualTo(2);
              assertThat(e.rankP5()).isLessThanOrEqualTo(e.medianRank());
              assertThat(e.medianRank()).isLessThanOrEqualTo(e.rankP95());
            });
    assertThat(sensitivity.run(List.of(custody, app, unrated))).isEqualTo(report);
    assertThat(sensitivity.seed(43).run(List.of(custody, app, unrated))).isNotEqualTo(report);
    // a tighter concentration keeps draws near the weights: the base leader wins more often
    SensitivityReport tight = sensitivity.concentration(2000).run(List.of(custody, app));
    String leader = tight.exchanges().get(0).exchangeId();
    double tightShare = tight.exchanges().get(0).shareFirst();
    double looseShare =
        report.exchanges().stream()
            .filter(e -> e.exchangeId().equals(leader))
            .findFirst()
            .orElseThrow()
            .shareFirst();
    assertThat(tightShare).isGreaterThan(looseShare);
  }

  @Test
  void samplerCentresOnTheWeightsAndKeepsZeroesZero() {
    double[] weights = {20, 15, 15, 10, 10, 10, 10, 0, 10};
    WeightSampler sampler = new WeightSampler(weights, 100, 1);
    double[] mean = new double[weights.length];
    double[] draw = new double[weights.length];
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      sampler.next(draw);
      double total = 0;
      for (int k = 0; k < draw.length; k++) {
        mean[k] += draw[k] / n;
        total += draw[k];
      }
      assertThat(total).isCloseTo(100, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(draw[7]).isZero();
    }
    for (int k = 0; k < weights.length; k++) {
      assertThat(mean[k]).isCloseTo(weights[k], org.assertj.core.api.Assertions.within(0.3));
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> Sensitivity.around(methodology).draws(0))
        .hasMessageContaining("draws");
    assertThatThrownBy(() -> Sensitivity.around(methodology).concentration(0))
        .hasMessageContaining("concentration");
  }

  @Test
  void worksOnRealScorecards() {
    Scorer scorer = Scorer.standard();
    EvidenceBundle a = Fixtures.realisticBundle("a");
    SensitivityReport report =
        Sensitivity.around(methodology).draws(100).run(List.of(scorer.score(a)));
    assertThat(report.exchanges())
        .singleElement()
        .satisfies(e -> assertThat(e.shareFirst()).isEqualTo(1.0));
    assertThat(report.toJson()).contains("\"shareFirst\" : 1.0");
  }
}
