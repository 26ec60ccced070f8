package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.posture.Findings.finding;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import java.util.ArrayList;
import java.util.List;

/** The mailbox behind the account: its own 2FA, and an address used for nothing else. */
public final class EmailCheck implements PostureCheck {
  @Override
  public List<Finding> findings(AuditSubject subject) {
    AccountSettings.Email email = subject.account().email();
    List<Finding> findings = new ArrayList<>();
    if (Boolean.FALSE.equals(email.twoFactorEnabled())) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.EMAIL,
              "the mailbox behind the account has no 2FA",
              ChecklistStep.EMAIL_2FA,
              null));
    } else if (email.twoFactorEnabled() == null) {
      findings.add(
          finding(
              Severity.INFO,
              Control.EMAIL,
              "not known whether the mailbox has 2FA",
              ChecklistStep.EMAIL_2FA,
              null));
    }
    if (Boolean.FALSE.equals(email.dedicatedAddress())) {
      findings.add(
          finding(
              Severity.LOW,
              Control.EMAIL,
              "the account's email address is also used elsewhere",
              ChecklistStep.EMAIL_ALIAS,
              null));
    }
    return findings;
  }
}
