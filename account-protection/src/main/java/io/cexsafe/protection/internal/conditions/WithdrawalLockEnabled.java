package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import java.util.List;

/** {@link ConditionCheck#WITHDRAWAL_LOCK_ENABLED}. */
public record WithdrawalLockEnabled(MinimumCondition condition) implements ProgrammeCondition {
  public WithdrawalLockEnabled {
    Results.requireCheck(condition, ConditionCheck.WITHDRAWAL_LOCK_ENABLED);
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    Boolean enabled = claim.claim().withdrawalLockEnabled();
    if (enabled == null) {
      return Results.unknown(condition, "$.withdrawalLock24h");
    }
    return enabled
        ? Results.met(condition, "the withdrawal lock was enabled")
        : Results.notMet(condition, "the withdrawal lock was not enabled");
  }

  @Override
  public Readiness readiness(AccountSettings account) {
    Boolean enabled = account.withdrawalLockEnabled();
    if (enabled == null) {
      return Readiness.of(
          List.of(Results.gap(condition, "not known whether the withdrawal lock is on", true)));
    }
    return Readiness.of(
        enabled
            ? List.of()
            : List.of(Results.gap(condition, "the 24-hour withdrawal lock is off", false)));
  }
}
