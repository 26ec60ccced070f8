package io.cexsafe.scoring;

import java.util.List;
import java.util.Objects;

/**
 * What an exchange means for one kind of user.
 *
 * @param persona the persona's id
 * @param name the persona's display name
 * @param rationale why the persona weighs the pillars as it does
 * @param verdict one line naming the grade and how the exchange does on what matters most
 * @param highlights the results of the rules that matter most, most important first
 * @param scorecard the full scorecard under the persona's weights
 */
public record PersonaVerdict(
    String persona,
    String name,
    String rationale,
    String verdict,
    List<RuleResult> highlights,
    Scorecard scorecard) {
  /**
   * Validates the components, copying its lists.
   *
   * @param persona the persona's id
   * @param name the persona's display name
   * @param rationale why the persona weighs the pillars as it does
   * @param verdict one line naming the grade and how the exchange does on what matters most
   * @param highlights the results of the rules that matter most, most important first
   * @param scorecard the full scorecard under the persona's weights
   */
  public PersonaVerdict {
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(verdict, "verdict");
    highlights = List.copyOf(highlights);
    Objects.requireNonNull(scorecard, "scorecard");
  }
}
