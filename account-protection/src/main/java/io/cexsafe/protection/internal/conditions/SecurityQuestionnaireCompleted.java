package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;

/** {@link ConditionCheck#SECURITY_QUESTIONNAIRE_COMPLETED}. */
public record SecurityQuestionnaireCompleted(MinimumCondition condition)
    implements ProgrammeCondition {
  public SecurityQuestionnaireCompleted {
    Results.requireCheck(condition, ConditionCheck.SECURITY_QUESTIONNAIRE_COMPLETED);
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    Boolean completed = claim.claim().securityQuestionnaireCompleted();
    if (completed == null) {
      return Results.unknown(condition, "$.securityQuestionnaireCompleted");
    }
    return completed
        ? Results.met(
            condition,
            "questionnaire completed; whether the answers satisfy the exchange is decided in"
                + " its forensic investigation")
        : Results.outstanding(
            condition, "the exchange's security questionnaire has not been completed yet");
  }

  /** The questionnaire is sent after a claim is made. */
  @Override
  public Readiness readiness(AccountSettings account) {
    return Readiness.afterAnIncident();
  }
}
