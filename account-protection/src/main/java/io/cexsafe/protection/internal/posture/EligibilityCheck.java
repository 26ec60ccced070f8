package io.cexsafe.protection.internal.posture;

import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import io.cexsafe.protection.internal.conditions.AccountInGoodStanding;
import java.util.ArrayList;
import java.util.List;

/** Eligibility for the programme: KYC, country, and an account in good standing. */
public final class EligibilityCheck implements PostureCheck {
  @Override
  public List<Finding> findings(AuditSubject subject) {
    List<Finding> findings = new ArrayList<>();
    for (ReadinessGap gap : Prerequisites.gaps(subject.programme(), subject.account())) {
      findings.add(
          new Finding(
              gap.unknown() ? Severity.INFO : Severity.MEDIUM,
              Control.PROGRAMME_ELIGIBILITY,
              gap.problem(),
              ChecklistStep.APP_ELIGIBILITY.text(),
              true,
              null));
    }
    Integer standing = subject.conditions().numberOf(AccountInGoodStanding.class);
    if (standing != null && Boolean.FALSE.equals(subject.account().accountInGoodStanding())) {
      findings.add(
          new Finding(
              Severity.MEDIUM,
              Control.PROGRAMME_ELIGIBILITY,
              "the account is not in good standing",
              ChecklistStep.APP_ELIGIBILITY.text(),
              true,
              standing));
    }
    return findings;
  }
}
