package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import java.util.ArrayList;
import java.util.List;

/** {@link ConditionCheck#ACCOUNT_IN_GOOD_STANDING}: and no pending investigation. */
public record AccountInGoodStanding(MinimumCondition condition) implements ProgrammeCondition {
  public AccountInGoodStanding {
    Results.requireCheck(condition, ConditionCheck.ACCOUNT_IN_GOOD_STANDING);
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    Boolean good = claim.claim().accountInGoodStanding();
    Boolean pending = claim.claim().pendingInvestigation();
    List<String> details = new ArrayList<>();
    if (Boolean.FALSE.equals(good)) {
      details.add("the account is not in good standing");
    }
    if (Boolean.TRUE.equals(pending)) {
      details.add("an investigation of the account is pending");
    }
    if (!details.isEmpty()) {
      return Results.result(condition, ConditionStatus.NOT_MET, details, List.of());
    }
    List<String> unknown = new ArrayList<>();
    if (good == null) {
      unknown.add("$.accountInGoodStanding");
    }
    if (pending == null) {
      unknown.add("$.pendingInvestigation");
    }
    if (!unknown.isEmpty()) {
      return Results.unknown(condition, unknown);
    }
    return Results.met(condition, "account in good standing, no pending investigation");
  }

  @Override
  public Readiness readiness(AccountSettings account) {
    Boolean good = account.accountInGoodStanding();
    if (good == null) {
      return Readiness.of(
          List.of(
              Results.gap(condition, "not known whether the account is in good standing", true)));
    }
    return Readiness.of(
        good
            ? List.of()
            : List.of(Results.gap(condition, "the account is not in good standing", false)));
  }
}
