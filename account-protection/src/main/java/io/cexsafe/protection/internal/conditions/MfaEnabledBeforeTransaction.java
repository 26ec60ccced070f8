package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.Claim;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@link ConditionCheck#MFA_ENABLED_BEFORE_TRANSACTION}. */
public record MfaEnabledBeforeTransaction(MinimumCondition condition)
    implements EnabledBeforeTransaction {
  public MfaEnabledBeforeTransaction {
    Results.requireCheck(condition, ConditionCheck.MFA_ENABLED_BEFORE_TRANSACTION);
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    Claim.Mfa mfa = claim.claim().mfa();
    if (mfa == null) {
      return Results.unknown(condition, "$.mfa");
    }
    if (!mfa.enabled()) {
      return Results.notMet(condition, "MFA was not enabled");
    }
    List<String> details = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    boolean failed = false;
    if (mfa.allTransactionTypes() == null) {
      unknown.add("$.mfa.allTransactionTypes");
    } else if (!mfa.allTransactionTypes()) {
      details.add("MFA was not enabled for every transaction type that offers it");
      failed = true;
    }
    return EnabledBeforeTransaction.daysBefore(
        condition, claim, "MFA", mfa.enabledOn(), "$.mfa.enabledOn", details, unknown, failed);
  }

  @Override
  public Readiness readiness(AccountSettings account) {
    AccountSettings.TwoFactor tf = account.twoFactor();
    List<ReadinessGap> gaps = new ArrayList<>();
    if (Boolean.FALSE.equals(tf.allTransactionTypes())) {
      gaps.add(Results.gap(condition, "2FA is not required for every transaction type", false));
    } else if (tf.enabled() && tf.allTransactionTypes() == null) {
      gaps.add(Results.gap(condition, "not known whether 2FA covers every transaction type", true));
    }
    Readiness.WaitingPeriod waiting =
        EnabledBeforeTransaction.waitingPeriod(
            condition, tf.enabled(), tf.enabledOn(), "2FA", account.evaluatedOn(), gaps);
    return new Readiness(gaps, waiting, false);
  }
}
