package io.cexsafe.scoring;

import io.cexsafe.Json;
import io.cexsafe.Pillar;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The score of one exchange under one methodology at one instant. Serialises deterministically: the
 * same bundle, methodology and instant give byte-identical JSON ({@link #toJson()}).
 *
 * @param exchangeId the exchange
 * @param methodology the methodology's id
 * @param methodologyVersion the methodology's version
 * @param rulesVersion the version of the rule book (the rubrics in code)
 * @param asOf the evaluation instant (the bundle's)
 * @param estimate overall point estimate out of 100: the weighted mean of the estimates of the
 *     pillars with coverage; null when no pillar has any
 * @param low overall low end: every pillar at its low, pillars without coverage at 0
 * @param high overall high end: every pillar at its high, pillars without coverage at 100
 * @param confidence weighted coverage in [0, 1] (rules backed only by stale evidence count half)
 * @param grade the grade of the estimate, or null when there is none
 * @param provisional true when confidence is below {@link Scorer#PROVISIONAL_BELOW}
 * @param pillars one score per pillar, in pillar order
 * @param findings conflicts, warnings, stale evidence and unverified claims, most severe first
 * @param staleEvidenceIds evidence used by some rule that has passed its stale-after date
 */
public record Scorecard(
    String exchangeId,
    String methodology,
    String methodologyVersion,
    String rulesVersion,
    Instant asOf,
    Double estimate,
    double low,
    double high,
    double confidence,
    Grade grade,
    boolean provisional,
    List<PillarScore> pillars,
    List<Finding> findings,
    List<String> staleEvidenceIds) {
  public Scorecard {
    Objects.requireNonNull(exchangeId, "exchangeId");
    Objects.requireNonNull(methodology, "methodology");
    Objects.requireNonNull(methodologyVersion, "methodologyVersion");
    Objects.requireNonNull(rulesVersion, "rulesVersion");
    Objects.requireNonNull(asOf, "asOf");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
    }
    if (!(low >= 0 && low <= high && high <= 100)) {
      throw new IllegalArgumentException("need 0 <= low <= high <= 100: " + low + ", " + high);
    }
    if (estimate != null && !(low <= estimate && estimate <= high)) {
      throw new IllegalArgumentException(
          "estimate " + estimate + " outside [" + low + ", " + high + "]");
    }
    if ((estimate == null) != (grade == null)) {
      throw new IllegalArgumentException("a grade goes with an estimate");
    }
    pillars = pillars == null ? List.of() : List.copyOf(pillars);
    findings = findings == null ? List.of() : List.copyOf(findings);
    staleEvidenceIds = staleEvidenceIds == null ? List.of() : List.copyOf(staleEvidenceIds);
  }

  /** The score of one pillar. */
  public PillarScore pillar(Pillar pillar) {
    return pillars.stream()
        .filter(p -> p.pillar() == pillar)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no score for pillar " + pillar.id()));
  }

  /** The result of one rule, or null when no pillar has it. */
  public RuleResult rule(String ruleId) {
    for (PillarScore pillar : pillars) {
      RuleResult result = pillar.rule(ruleId);
      if (result != null) {
        return result;
      }
    }
    return null;
  }

  /** The grade with its provisional marker, e.g. {@code "A (provisional)"}, or "unrated". */
  public String gradeLabel() {
    if (grade == null) {
      return "unrated";
    }
    return provisional ? grade.name() + " (provisional)" : grade.name();
  }

  /** Indented JSON with a trailing newline, in core's JSON conventions. */
  public String toJson() {
    return Json.writePretty(this);
  }

  public static Scorecard fromJson(String json) {
    return Json.read(json, "scorecard", Scorecard.class);
  }
}
