package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.posture.Findings.finding;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import io.cexsafe.protection.internal.conditions.AntiPhishingCodeEnabledBeforeTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The anti-phishing code: set, its waiting period served, and refreshed monthly. */
public final class AntiPhishingCodeCheck implements PostureCheck {
  @Override
  public List<Finding> findings(AuditSubject subject) {
    AccountSettings.AntiPhishingCode code = subject.account().antiPhishingCode();
    AntiPhishingCodeEnabledBeforeTransaction condition =
        subject.conditions().find(AntiPhishingCodeEnabledBeforeTransaction.class).orElse(null);
    if (!code.enabled()) {
      return List.of(
          finding(
              Severity.HIGH,
              Control.ANTI_PHISHING_CODE,
              "no anti-phishing code: fake emails are harder to tell apart",
              ChecklistStep.ANTI_PHISHING_CODE,
              condition == null ? null : condition.condition().number()));
    }
    List<Finding> findings = new ArrayList<>();
    Findings.waitingPeriod(
        condition,
        subject.today(),
        code.enabledOn(),
        "the anti-phishing code",
        Control.ANTI_PHISHING_CODE,
        ChecklistStep.ANTI_PHISHING_CODE,
        findings);
    LocalDate changed = code.lastChangedOn() != null ? code.lastChangedOn() : code.enabledOn();
    if (changed != null && changed.plusMonths(1).isBefore(subject.today())) {
      findings.add(
          finding(
              Severity.LOW,
              Control.ANTI_PHISHING_CODE,
              "anti-phishing code unchanged since " + changed,
              ChecklistStep.REFRESH_ANTI_PHISHING_CODE,
              null));
    }
    return findings;
  }
}
