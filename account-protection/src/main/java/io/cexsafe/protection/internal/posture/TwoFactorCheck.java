package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.posture.Findings.finding;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import io.cexsafe.protection.internal.conditions.MfaEnabledBeforeTransaction;
import java.util.ArrayList;
import java.util.List;

/** The second factor: its method, whether it covers every transaction, and its waiting period. */
public final class TwoFactorCheck implements PostureCheck {
  @Override
  public List<Finding> findings(AuditSubject subject) {
    AccountSettings.TwoFactor tf = subject.account().twoFactor();
    MfaEnabledBeforeTransaction condition =
        subject.conditions().find(MfaEnabledBeforeTransaction.class).orElse(null);
    Integer mfa = condition == null ? null : condition.condition().number();
    List<Finding> findings = new ArrayList<>();
    switch (tf.method()) {
      case NONE ->
          findings.add(
              finding(
                  Severity.CRITICAL,
                  Control.TWO_FACTOR,
                  "no second factor: anyone with the password can sign in and move funds",
                  ChecklistStep.TOTP_2FA,
                  mfa));
      case SMS ->
          findings.add(
              finding(
                  Severity.HIGH,
                  Control.TWO_FACTOR,
                  "2FA by SMS: exposed to SIM swaps",
                  ChecklistStep.TOTP_2FA,
                  null));
      case EMAIL ->
          findings.add(
              finding(
                  Severity.HIGH,
                  Control.TWO_FACTOR,
                  "2FA by email: only as strong as the mailbox",
                  ChecklistStep.TOTP_2FA,
                  null));
      default -> {
        // TOTP, passkeys and hardware keys are what the checklist asks for
      }
    }
    if (!tf.enabled()) {
      return findings;
    }
    if (Boolean.FALSE.equals(tf.allTransactionTypes())) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.TWO_FACTOR,
              "2FA is not required for every transaction type that offers it",
              ChecklistStep.MFA_ALL_TRANSACTIONS,
              mfa));
    } else if (tf.allTransactionTypes() == null) {
      findings.add(
          finding(
              Severity.INFO,
              Control.TWO_FACTOR,
              "not known whether 2FA is required for every transaction type",
              ChecklistStep.MFA_ALL_TRANSACTIONS,
              mfa));
    }
    Findings.waitingPeriod(
        condition,
        subject.today(),
        tf.enabledOn(),
        "2FA",
        Control.TWO_FACTOR,
        ChecklistStep.TOTP_2FA,
        findings);
    return findings;
  }
}
