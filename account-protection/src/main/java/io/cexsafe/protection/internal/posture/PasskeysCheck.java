package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.posture.Findings.finding;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import java.util.ArrayList;
import java.util.List;

/** Passkeys: at least one, a backup, and a hardware key among them. */
public final class PasskeysCheck implements PostureCheck {
  @Override
  public List<Finding> findings(AuditSubject subject) {
    List<AccountSettings.Passkey> passkeys = subject.account().passkeys();
    if (passkeys.isEmpty()) {
      return List.of(
          finding(
              Severity.MEDIUM,
              Control.PASSKEYS,
              "no passkeys: sign-in relies on phishable factors",
              ChecklistStep.PASSKEYS,
              null));
    }
    List<Finding> findings = new ArrayList<>();
    if (passkeys.size() == 1) {
      findings.add(
          finding(
              Severity.LOW,
              Control.PASSKEYS,
              "only one passkey: no backup if that device is lost",
              ChecklistStep.BACKUP_PASSKEY,
              null));
    }
    if (passkeys.stream().noneMatch(AccountSettings.Passkey::hardwareKey)) {
      findings.add(
          finding(
              Severity.LOW,
              Control.HARDWARE_KEY,
              "no hardware security key among the passkeys",
              ChecklistStep.HARDWARE_KEY,
              null));
    }
    return findings;
  }
}
