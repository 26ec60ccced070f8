package io.cexsafe.scoring;

import io.cexsafe.Json;
import java.util.List;

/**
 * The result of a {@link Sensitivity} run.
 *
 * @param methodology id of the methodology the weights were drawn around
 * @param methodologyVersion its version
 * @param draws number of weight vectors drawn
 * @param concentration the Dirichlet concentration (higher keeps draws closer to the weights)
 * @param seed the random seed (same seed, same report)
 * @param exchanges one row per ranked exchange, by rank under the unperturbed weights
 * @param unrated exchanges without any pillar coverage, which cannot be ranked
 */
public record SensitivityReport(
    String methodology,
    String methodologyVersion,
    int draws,
    double concentration,
    long seed,
    List<ExchangeStability> exchanges,
    List<String> unrated) {
  /**
   * Normalises the components, copying its lists.
   *
   * @param methodology id of the methodology the weights were drawn around
   * @param methodologyVersion its version
   * @param draws number of weight vectors drawn
   * @param concentration the Dirichlet concentration (higher keeps draws closer to the weights)
   * @param seed the random seed (same seed, same report)
   * @param exchanges one row per ranked exchange, by rank under the unperturbed weights
   * @param unrated exchanges without any pillar coverage, which cannot be ranked
   */
  public SensitivityReport {
    exchanges = List.copyOf(exchanges);
    unrated = List.copyOf(unrated);
  }

  /**
   * How one exchange's rank moved across the draws. Ranks start at 1; tied scores share the better
   * rank.
   *
   * @param exchangeId the exchange
   * @param estimate its overall estimate under the unperturbed weights
   * @param baseRank its rank under the unperturbed weights
   * @param shareFirst share of draws in which it ranked first
   * @param bestRank best rank in any draw
   * @param rankP5 5th percentile of its rank (a good case)
   * @param medianRank median rank
   * @param rankP95 95th percentile of its rank (a bad case)
   * @param worstRank worst rank in any draw
   */
  public record ExchangeStability(
      String exchangeId,
      double estimate,
      int baseRank,
      double shareFirst,
      int bestRank,
      int rankP5,
      int medianRank,
      int rankP95,
      int worstRank) {}

  /** {@return the report as indented JSON, in core's JSON conventions} */
  public String toJson() {
    return Json.writePretty(this);
  }
}
