package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;

/**
 * One minimum condition of a protection programme, answering both questions asked of it: is it met
 * by a claim (with its evidence and what is still needed), and is an account ready for it today.
 *
 * <p>A new kind of condition is one new record here (listed in {@code permits}), one constant in
 * {@link io.cexsafe.protection.ConditionCheck} (the programme-file vocabulary), one line in {@link
 * ProgrammeConditions#typeOf}, and its test.
 */
public sealed interface ProgrammeCondition
    permits EnabledBeforeTransaction,
        WithdrawalLockEnabled,
        DeviceNotJailbroken,
        PoliceReportFiled,
        SecurityQuestionnaireCompleted,
        SupportContactedWithinWorkingDays,
        AccountInGoodStanding,
        LossFromTransferOut {

  /** The programme's condition: its number, id, wording and parameters. */
  MinimumCondition condition();

  /** The claim question: is the condition met by the claim, and what is still needed. */
  ConditionResult judge(ClaimCase claim);

  /** The account-readiness question: what stands between the account and this condition today. */
  Readiness readiness(AccountSettings account);
}
