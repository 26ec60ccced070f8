package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.posture.Findings.finding;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import io.cexsafe.protection.internal.conditions.WithdrawalLockEnabled;
import java.util.ArrayList;
import java.util.List;

/** The withdrawal lock, the address whitelist and its $0 test transfers. */
public final class WithdrawalControlsCheck implements PostureCheck {
  @Override
  public List<Finding> findings(AuditSubject subject) {
    AccountSettings account = subject.account();
    Integer lock = subject.conditions().numberOf(WithdrawalLockEnabled.class);
    List<Finding> findings = new ArrayList<>();
    if (Boolean.FALSE.equals(account.withdrawalLockEnabled())) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.WITHDRAWAL_LOCK,
              "24-hour withdrawal lock is off: a hijacked session can drain the account at once",
              ChecklistStep.WITHDRAWAL_LOCK,
              lock));
    } else if (account.withdrawalLockEnabled() == null) {
      findings.add(
          finding(
              Severity.INFO,
              Control.WITHDRAWAL_LOCK,
              "not known whether the 24-hour withdrawal lock is on",
              ChecklistStep.WITHDRAWAL_LOCK,
              lock));
    }
    AccountSettings.Whitelist whitelist = account.whitelist();
    if (!whitelist.enabled()) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.WITHDRAWAL_WHITELIST,
              "withdrawals are not limited to whitelisted addresses",
              ChecklistStep.WHITELIST,
              null));
    }
    List<String> untested =
        whitelist.addresses().stream()
            .filter(a -> !Boolean.TRUE.equals(a.zeroValueTestDone()))
            .map(AccountSettings.WhitelistedAddress::label)
            .toList();
    if (!untested.isEmpty()) {
      findings.add(
          finding(
              Severity.LOW,
              Control.WITHDRAWAL_WHITELIST,
              "no $0 test transfer recorded for: " + String.join(", ", untested),
              ChecklistStep.ZERO_VALUE_TEST,
              null));
    }
    return findings;
  }
}
