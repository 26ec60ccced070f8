package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.Claim;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import io.cexsafe.protection.internal.Money;
import java.util.ArrayList;
import java.util.List;

/** {@link ConditionCheck#LOSS_FROM_TRANSFER_OUT}: some funds left and were not returned. */
public record LossFromTransferOut(MinimumCondition condition) implements ProgrammeCondition {
  public LossFromTransferOut {
    Results.requireCheck(condition, ConditionCheck.LOSS_FROM_TRANSFER_OUT);
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    List<String> details = new ArrayList<>();
    boolean anyLoss = false;
    for (int index : claim.candidates()) {
      Claim.Transaction tx = claim.transaction(index);
      if (tx.unrecoveredAmount().signum() > 0) {
        anyLoss = true;
      } else {
        details.add(
            "transactions["
                + index
                + "]: the whole "
                + Money.plain(tx.amount())
                + " "
                + tx.asset()
                + " was returned, so nothing is lost");
      }
    }
    if (!anyLoss) {
      return Results.result(condition, ConditionStatus.NOT_MET, details, List.of());
    }
    details.add(0, "funds left the account and were not (fully) returned");
    return Results.result(condition, ConditionStatus.MET, details, List.of());
  }

  /** There is no loss before an incident. */
  @Override
  public Readiness readiness(AccountSettings account) {
    return Readiness.afterAnIncident();
  }
}
