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

/** {@link ConditionCheck#ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION}. */
public record AntiPhishingCodeEnabledBeforeTransaction(MinimumCondition condition)
    implements EnabledBeforeTransaction {
  public AntiPhishingCodeEnabledBeforeTransaction {
    Results.requireCheck(condition, ConditionCheck.ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION);
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    Claim.AntiPhishingCode code = claim.claim().antiPhishingCode();
    if (code == null) {
      return Results.unknown(condition, "$.antiPhishingCode");
    }
    if (!code.enabled()) {
      return Results.notMet(condition, "no anti-phishing code was set");
    }
    return EnabledBeforeTransaction.daysBefore(
        condition,
        claim,
        "the anti-phishing code",
        code.enabledOn(),
        "$.antiPhishingCode.enabledOn",
        new ArrayList<>(),
        new LinkedHashSet<>(),
        false);
  }

  @Override
  public Readiness readiness(AccountSettings account) {
    AccountSettings.AntiPhishingCode code = account.antiPhishingCode();
    List<ReadinessGap> gaps = new ArrayList<>();
    Readiness.WaitingPeriod waiting =
        EnabledBeforeTransaction.waitingPeriod(
            condition,
            code.enabled(),
            code.enabledOn(),
            "the anti-phishing code",
            account.evaluatedOn(),
            gaps);
    return new Readiness(gaps, waiting, false);
  }
}
