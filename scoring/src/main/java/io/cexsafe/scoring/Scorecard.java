package io.cexsafe.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cexsafe.Json;
import io.cexsafe.Pillar;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The score of one exchange under one methodology at one instant. Serialises deterministically: the
 * same bundle, methodology and instant give byte-identical JSON ({@link #toJson()}).
 *
 * @param exchangeId the exchange
 * @param methodology the methodology's id
 * @param methodologyVersion the methodology's version
 * @param rulesVersion the version of the scoring methodology in code (rules, priors, floors, caps)
 * @param asOf the evaluation instant (the bundle's)
 * @param estimate overall point estimate out of 100: the weighted sum over all pillars of their
 *     estimates, unknown rules counted at the prior
 * @param low overall low end: every pillar at its low
 * @param high overall high end: every pillar at its high
 * @param confidence weighted coverage in [0, 1] (rules backed only by stale evidence count half)
 * @param grade the letter grade: the grade of the estimate, capped by red flags; null when not
 *     rated
 * @param uncappedGrade the grade of the estimate before red-flag caps; null when not rated
 * @param notRatedReason why there is no letter grade (evidence too thin), or null when rated
 * @param provisional true when rated with confidence below {@link Scorer#PROVISIONAL_BELOW}
 * @param redFlags the red flags that cap the grade, most severe cap first
 * @param pillars one score per pillar, in pillar order
 * @param findings conflicts, warnings, red flags, stale evidence and unverified claims, most severe
 *     first
 * @param staleEvidenceIds evidence used by some rule that has passed its stale-after date
 * @param unscoredFacts facts that inform a pillar but that no rule read ("collected but not
 *     scored"), in evidence-id order; absent from the JSON when empty
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
    Grade uncappedGrade,
    String notRatedReason,
    boolean provisional,
    List<RedFlag> redFlags,
    List<PillarScore> pillars,
    List<Finding> findings,
    List<String> staleEvidenceIds,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnscoredFact> unscoredFacts) {
  /**
   * Validates the components, copying its lists.
   *
   * @param exchangeId the exchange
   * @param methodology the methodology's id
   * @param methodologyVersion the methodology's version
   * @param rulesVersion the version of the scoring methodology in code (rules, priors, floors,
   *     caps)
   * @param asOf the evaluation instant (the bundle's)
   * @param estimate overall point estimate out of 100: the weighted sum over all pillars of their
   *     estimates, unknown rules counted at the prior
   * @param low overall low end: every pillar at its low
   * @param high overall high end: every pillar at its high
   * @param confidence weighted coverage in [0, 1] (rules backed only by stale evidence count half)
   * @param grade the letter grade: the grade of the estimate, capped by red flags; null when not
   *     rated
   * @param uncappedGrade the grade of the estimate before red-flag caps; null when not rated
   * @param notRatedReason why there is no letter grade (evidence too thin), or null when rated
   * @param provisional true when rated with confidence below {@link Scorer#PROVISIONAL_BELOW}
   * @param redFlags the red flags that cap the grade, most severe cap first
   * @param pillars one score per pillar, in pillar order
   * @param findings conflicts, warnings, red flags, stale evidence and unverified claims, most
   *     severe first
   * @param staleEvidenceIds evidence used by some rule that has passed its stale-after date
   * @param unscoredFacts facts that inform a pillar but that no rule read ("collected but not
   *     scored"), in evidence-id order; absent from the JSON when empty
   */
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
    if (grade != null && estimate == null) {
      throw new IllegalArgumentException("a grade needs an estimate");
    }
    if ((grade == null) != (notRatedReason != null)) {
      throw new IllegalArgumentException("an exchange is either graded or not rated with a reason");
    }
    if ((grade == null) != (uncappedGrade == null)
        || (grade != null && uncappedGrade.worseThan(grade))) {
      throw new IllegalArgumentException("the grade is the uncapped grade or worse");
    }
    if (provisional && grade == null) {
      throw new IllegalArgumentException("only a grade can be provisional");
    }
    redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    if (grade != null) {
      for (RedFlag flag : redFlags) {
        if (grade.ordinal() < flag.cap().ordinal()) {
          throw new IllegalArgumentException(
              "grade " + grade + " above the cap " + flag.cap() + " of " + flag.kind().id());
        }
      }
    }
    pillars = pillars == null ? List.of() : List.copyOf(pillars);
    findings = findings == null ? List.of() : List.copyOf(findings);
    staleEvidenceIds = staleEvidenceIds == null ? List.of() : List.copyOf(staleEvidenceIds);
    unscoredFacts = unscoredFacts == null ? List.of() : List.copyOf(unscoredFacts);
  }

  /**
   * A scorecard in which every collected fact was scored: no unscored facts.
   *
   * @param exchangeId the exchange
   * @param methodology the methodology's id
   * @param methodologyVersion the methodology's version
   * @param rulesVersion the version of the scoring methodology in code (rules, priors, floors,
   *     caps)
   * @param asOf the evaluation instant (the bundle's)
   * @param estimate overall point estimate out of 100: the weighted sum over all pillars of their
   *     estimates, unknown rules counted at the prior
   * @param low overall low end: every pillar at its low
   * @param high overall high end: every pillar at its high
   * @param confidence weighted coverage in [0, 1] (rules backed only by stale evidence count half)
   * @param grade the letter grade: the grade of the estimate, capped by red flags; null when not
   *     rated
   * @param uncappedGrade the grade of the estimate before red-flag caps; null when not rated
   * @param notRatedReason why there is no letter grade (evidence too thin), or null when rated
   * @param provisional true when rated with confidence below {@link Scorer#PROVISIONAL_BELOW}
   * @param redFlags the red flags that cap the grade, most severe cap first
   * @param pillars one score per pillar, in pillar order
   * @param findings conflicts, warnings, red flags, stale evidence and unverified claims, most
   *     severe first
   * @param staleEvidenceIds evidence used by some rule that has passed its stale-after date
   */
  public Scorecard(
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
      Grade uncappedGrade,
      String notRatedReason,
      boolean provisional,
      List<RedFlag> redFlags,
      List<PillarScore> pillars,
      List<Finding> findings,
      List<String> staleEvidenceIds) {
    this(
        exchangeId,
        methodology,
        methodologyVersion,
        rulesVersion,
        asOf,
        estimate,
        low,
        high,
        confidence,
        grade,
        uncappedGrade,
        notRatedReason,
        provisional,
        redFlags,
        pillars,
        findings,
        staleEvidenceIds,
        List.of());
  }

  /**
   * The score of one pillar.
   *
   * @param pillar the pillar
   * @return its score
   */
  public PillarScore pillar(Pillar pillar) {
    return pillars.stream()
        .filter(p -> p.pillar() == pillar)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no score for pillar " + pillar.id()));
  }

  /**
   * The result of one rule.
   *
   * @param ruleId the rule's id
   * @return its result, or null when no pillar has it
   */
  public RuleResult rule(String ruleId) {
    for (PillarScore pillar : pillars) {
      RuleResult result = pillar.rule(ruleId);
      if (result != null) {
        return result;
      }
    }
    return null;
  }

  /** {@return true when the evidence supports a letter grade} */
  public boolean rated() {
    return grade != null;
  }

  /** {@return true when a red flag lowered the grade} */
  public boolean capped() {
    return grade != null && grade != uncappedGrade;
  }

  /** {@return the tightest red-flag cap, or null without red flags} */
  public Grade cap() {
    return redFlags.stream().map(RedFlag::cap).max(Enum::compareTo).orElse(null);
  }

  /**
   * {@return the grade with its qualifiers, e.g. {@code "A (provisional)"}, {@code "CCC (capped by
   * red flag)"} or {@code "NR (evidence covers 12 % of the weight)"}}
   */
  public String gradeLabel() {
    if (grade == null) {
      return "NR (" + notRatedReason + ")";
    }
    String label = grade.name();
    if (capped()) {
      label += " (capped by red flag)";
    }
    return provisional ? label + " (provisional)" : label;
  }

  /**
   * Formats a confidence as a whole percentage of the weight, e.g. "12 %".
   *
   * @param confidence a confidence in [0, 1]
   * @return the percentage as text
   */
  public static String coverageText(double confidence) {
    return String.format(Locale.ROOT, "%d %%", Math.round(confidence * 100));
  }

  /** {@return indented JSON with a trailing newline, in core's JSON conventions} */
  public String toJson() {
    return Json.writePretty(this);
  }

  /**
   * Reads a scorecard from the JSON {@link #toJson()} writes.
   *
   * @param json the scorecard's JSON
   * @return the scorecard
   * @throws io.cexsafe.InvalidInputException when the text is not a valid scorecard
   */
  public static Scorecard fromJson(String json) {
    return Json.read(json, "scorecard", Scorecard.class);
  }
}
