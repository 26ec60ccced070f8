package io.cexsafe.reports;

import io.cexsafe.scoring.Comparison;
import io.cexsafe.scoring.SensitivityReport;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a comparison report says: every exchange's assessment, the comparison of their scorecards
 * and, when asked for, how stable the ranking is when the weights move.
 *
 * @param assessments one per compared exchange
 * @param comparison the comparison of their scorecards
 * @param sensitivity the sensitivity analysis, or null
 */
public record ComparisonReport(
    List<ExchangeAssessment> assessments, Comparison comparison, SensitivityReport sensitivity) {
  /**
   * Validates the components, copying its lists.
   *
   * @param assessments one per compared exchange
   * @param comparison the comparison of their scorecards
   * @param sensitivity the sensitivity analysis, or null
   */
  public ComparisonReport {
    assessments = List.copyOf(assessments);
    Objects.requireNonNull(comparison, "comparison");
    Set<String> assessed =
        assessments.stream().map(a -> a.exchange().id()).collect(Collectors.toSet());
    Set<String> compared = new HashSet<>();
    comparison.entries().forEach(e -> compared.add(e.exchangeId()));
    if (!assessed.equals(compared)) {
      throw new IllegalArgumentException(
          "the comparison covers " + compared + " but the assessments cover " + assessed);
    }
  }

  /**
   * The assessment of one compared exchange.
   *
   * @param exchangeId the exchange's catalogue id
   * @return its assessment
   * @throws IllegalArgumentException when the exchange was not compared
   */
  public ExchangeAssessment assessment(String exchangeId) {
    return assessments.stream()
        .filter(a -> a.exchange().id().equals(exchangeId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not compared: " + exchangeId));
  }
}
