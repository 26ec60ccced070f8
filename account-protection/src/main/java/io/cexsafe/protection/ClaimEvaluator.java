package io.cexsafe.protection;

import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.ClaimAssessment.ClaimDeadline;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.MissingInformation;
import io.cexsafe.protection.ClaimAssessment.Outcome;
import io.cexsafe.protection.ClaimAssessment.RecoveryEstimate;
import io.cexsafe.protection.internal.claim.Coverage;
import io.cexsafe.protection.internal.claim.RecoveryEstimator;
import io.cexsafe.protection.internal.claim.Verdict;
import io.cexsafe.protection.internal.conditions.ClaimCase;
import io.cexsafe.protection.internal.conditions.ProgrammeCondition;
import io.cexsafe.protection.internal.conditions.ProgrammeConditions;
import io.cexsafe.protection.internal.conditions.SupportContactedWithinWorkingDays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a {@link Claim} against a {@link ProtectionProgramme}: whether it is covered, whether each
 * minimum condition is met, what is still unknown, the deadline for contacting support, and an
 * estimate of what could be recovered. The evaluation date comes from the claim; nothing here reads
 * the system clock.
 */
public final class ClaimEvaluator {
  private final ProtectionProgramme programme;
  private final ProgrammeConditions conditions;
  private final RecoveryEstimator recovery;

  private ClaimEvaluator(ProtectionProgramme programme) {
    this.programme = Objects.requireNonNull(programme, "programme");
    this.conditions = ProgrammeConditions.of(programme);
    this.recovery = RecoveryEstimator.withCapUsd(programme.capUsd());
  }

  /**
   * An evaluator of claims under one programme.
   *
   * @param programme the programme's description
   * @return the evaluator
   */
  public static ClaimEvaluator forProgramme(ProtectionProgramme programme) {
    return new ClaimEvaluator(programme);
  }

  /** {@return the programme claims are evaluated under} */
  public ProtectionProgramme programme() {
    return programme;
  }

  /**
   * Evaluates a claim against the programme's covered events, exclusions and minimum conditions.
   *
   * @param claim the claim
   * @return the assessment
   * @throws InvalidInputException when the claim names another programme
   */
  public ClaimAssessment evaluate(Claim claim) {
    if (!claim.programmeId().equals(programme.id())) {
      throw new InvalidInputException(
          "claim",
          "$.programme",
          "claim is for \""
              + claim.programmeId()
              + "\" but was evaluated against \""
              + programme.id()
              + "\"");
    }
    Coverage coverage = Coverage.classify(programme, claim);
    Map<String, MissingInformation> missing = new LinkedHashMap<>();
    coverage.missing().forEach(m -> missing.putIfAbsent(m.path(), m));
    if (coverage.notCoveredAtAll()) {
      return assessment(
          claim,
          coverage,
          Outcome.NOT_COVERED,
          coverage.notCoveredSummary(),
          List.of(),
          missing,
          null,
          null);
    }

    ClaimCase claimCase = new ClaimCase(claim, coverage.candidates());
    List<ConditionResult> results = new ArrayList<>();
    for (ProgrammeCondition condition : conditions.all()) {
      ConditionResult result = condition.judge(claimCase);
      results.add(result);
      for (String path : result.missing()) {
        missing.putIfAbsent(
            path,
            new MissingInformation(
                path, "needed for condition " + result.number() + " (" + result.id() + ")"));
      }
    }
    Verdict verdict = Verdict.of(results, List.copyOf(missing.keySet()), programme.discretionary());
    ClaimDeadline deadline =
        conditions
            .find(SupportContactedWithinWorkingDays.class)
            .map(c -> c.deadline(claimCase))
            .orElse(null);
    RecoveryEstimate estimate = recovery.estimate(claimCase, results).orElse(null);
    return assessment(
        claim,
        coverage,
        verdict.outcome(),
        verdict.summary(),
        results,
        missing,
        deadline,
        estimate);
  }

  private ClaimAssessment assessment(
      Claim claim,
      Coverage coverage,
      Outcome outcome,
      String summary,
      List<ConditionResult> results,
      Map<String, MissingInformation> missing,
      ClaimDeadline deadline,
      RecoveryEstimate estimate) {
    return new ClaimAssessment(
        programme.id(),
        programme.version(),
        claim.evaluatedOn(),
        outcome,
        summary,
        programme.discretionary()
            ? "Relief stays at the exchange's discretion even when every minimum condition is met."
                + " The policy: \""
                + programme.discretionNote()
                + "\""
            : null,
        programme.termsPrevail(),
        coverage.notCovered(),
        coverage.transactions(),
        results,
        List.copyOf(missing.values()),
        deadline,
        estimate);
  }
}
