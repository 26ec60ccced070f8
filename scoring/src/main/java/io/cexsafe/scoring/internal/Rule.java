package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import java.util.Objects;
import java.util.function.Function;

/**
 * One scoring rule: reads facts, awards up to {@code maxPoints} and explains itself. The texts
 * {@code rubric} and {@code rationale} are the rule's documentation: docs/methodology.md is
 * generated from them.
 *
 * @param id stable id, {@code <pillar>.<name>}
 * @param pillar the pillar the rule belongs to
 * @param title a short title
 * @param maxPoints the most it can award
 * @param rubric how points are awarded (markdown, one paragraph)
 * @param rationale why the rule exists and is weighted so (markdown, one paragraph)
 * @param evaluation the rule itself
 */
public record Rule(
    String id,
    Pillar pillar,
    String title,
    double maxPoints,
    String rubric,
    String rationale,
    Function<ScoringContext, Outcome> evaluation) {
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pillar, "pillar");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rubric, "rubric");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(evaluation, "evaluation");
    if (!id.startsWith(pillar.id() + ".")) {
      throw new IllegalArgumentException("rule id " + id + " must start with " + pillar.id() + ".");
    }
    if (!(maxPoints > 0)) {
      throw new IllegalArgumentException("maxPoints must be positive");
    }
  }

  public Outcome evaluate(ScoringContext context) {
    return evaluation.apply(context);
  }
}
