package io.cexsafe.scoring.internal;

import io.cexsafe.Pillar;
import io.cexsafe.facts.SearchTopic;
import java.util.Objects;
import java.util.function.Function;

/**
 * One scoring rule, declared once: reads facts, awards up to {@code maxPoints} and explains itself.
 * The texts {@code rubric} and {@code rationale} are the rule's documentation: docs/methodology.md
 * is generated from them.
 *
 * @param id stable id, {@code <pillar>.<name>}
 * @param pillar the pillar the rule belongs to
 * @param title a short title
 * @param maxPoints the most it can award
 * @param rubric how points are awarded (markdown, one paragraph)
 * @param rationale why the rule exists and is weighted so (markdown, one paragraph)
 * @param evaluation the rule itself
 * @param absentWhenSearched when the rule is unknown and a search for this topic found nothing, it
 *     is checked absent and scores {@code absentPoints}; null when no search can stand in
 * @param absentPoints what a checked absence earns (the worst value the rule defines, usually 0)
 * @param claimsDiscounted true when the rule credits facts by their evidence class (see {@link
 *     ClaimFactors}): a claim earns less than the same fact verified
 */
public record Rule(
    String id,
    Pillar pillar,
    String title,
    double maxPoints,
    String rubric,
    String rationale,
    Function<ScoringContext, Outcome> evaluation,
    SearchTopic absentWhenSearched,
    double absentPoints,
    boolean claimsDiscounted) {
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
    if (!(absentPoints >= 0 && absentPoints <= maxPoints)) {
      throw new IllegalArgumentException("absentPoints must be within [0, maxPoints]");
    }
  }

  public Rule(
      String id,
      Pillar pillar,
      String title,
      double maxPoints,
      String rubric,
      String rationale,
      Function<ScoringContext, Outcome> evaluation) {
    this(id, pillar, title, maxPoints, rubric, rationale, evaluation, null, 0, false);
  }

  /**
   * A rule declared from its scale: the maximum and every number its rubric states come from {@code
   * scale}, and {@code rubricTemplate} names them as {@code {term}} (see {@link Rubric}).
   */
  static Rule declared(
      String id,
      Pillar pillar,
      String title,
      Scale scale,
      String rubricTemplate,
      String rationale,
      Function<ScoringContext, Outcome> evaluation) {
    return new Rule(
        id,
        pillar,
        title,
        scale.max(),
        Rubric.render(id, rubricTemplate, scale),
        rationale,
        evaluation);
  }

  /** This rule, checked absent (scoring 0) when a search for {@code topic} found nothing. */
  public Rule absentWhenSearched(SearchTopic topic) {
    return new Rule(
        id, pillar, title, maxPoints, rubric, rationale, evaluation, topic, 0, claimsDiscounted);
  }

  /** This rule, crediting its facts by evidence class: claims earn less than verification. */
  public Rule discountingClaims() {
    return new Rule(
        id,
        pillar,
        title,
        maxPoints,
        rubric,
        rationale,
        evaluation,
        absentWhenSearched,
        absentPoints,
        true);
  }

  public Outcome evaluate(ScoringContext context) {
    return evaluation.apply(context);
  }
}
