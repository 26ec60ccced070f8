package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.posture.Findings.finding;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import java.util.ArrayList;
import java.util.List;

/** The password: long, kept in a password manager, and its last change known. */
public final class PasswordCheck implements PostureCheck {
  static final int MIN_PASSWORD_LENGTH = 20;

  @Override
  public List<Finding> findings(AuditSubject subject) {
    AccountSettings.Password password = subject.account().password();
    List<Finding> findings = new ArrayList<>();
    if (password.lastChangedOn() == null) {
      findings.add(
          finding(
              Severity.INFO,
              Control.PASSWORD,
              "not known when the password was last changed",
              ChecklistStep.ROTATE_PASSWORD,
              null));
    }
    if (Boolean.FALSE.equals(password.inPasswordManager())) {
      findings.add(
          finding(
              Severity.MEDIUM,
              Control.PASSWORD,
              "the password is not kept in a password manager",
              ChecklistStep.PASSWORD_MANAGER,
              null));
    }
    if (password.length() != null && password.length() < MIN_PASSWORD_LENGTH) {
      findings.add(
          finding(
              Severity.MEDIUM,
              Control.PASSWORD,
              "the password has "
                  + password.length()
                  + " characters, fewer than "
                  + MIN_PASSWORD_LENGTH,
              ChecklistStep.PASSWORD_MANAGER,
              null));
    }
    return findings;
  }
}
