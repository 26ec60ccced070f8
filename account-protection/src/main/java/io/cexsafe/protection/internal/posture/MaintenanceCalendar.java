package io.cexsafe.protection.internal.posture;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureReport.Cadence;
import io.cexsafe.protection.PostureReport.MaintenanceTask;
import io.cexsafe.protection.internal.ChecklistStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recurring tasks of the maintenance calendar that apply to an account, and when each is due.
 */
public final class MaintenanceCalendar {
  private MaintenanceCalendar() {}

  /** The tasks, soonest due first. */
  public static List<MaintenanceTask> tasks(AccountSettings account) {
    AccountSettings.LastReviews reviews = account.lastReviews();
    LocalDate today = account.evaluatedOn();
    List<MaintenanceTask> tasks = new ArrayList<>();
    tasks.add(
        task(
            "review-devices",
            Cadence.MONTHLY,
            ChecklistStep.REVIEW_DEVICES,
            reviews.devices(),
            today));
    tasks.add(
        task(
            "scan-security-history",
            Cadence.MONTHLY,
            ChecklistStep.SCAN_SECURITY_HISTORY,
            reviews.securitySettingsHistory(),
            today));
    if (account.whitelist().enabled()) {
      tasks.add(
          task(
              "zero-value-tests",
              Cadence.MONTHLY,
              ChecklistStep.RERUN_ZERO_VALUE_TESTS,
              reviews.zeroValueTests(),
              today));
    }
    tasks.add(
        task(
            "rotate-password",
            Cadence.QUARTERLY,
            ChecklistStep.ROTATE_PASSWORD,
            account.password().lastChangedOn(),
            today));
    if (!account.passkeys().isEmpty()) {
      tasks.add(
          task(
              "validate-passkeys",
              Cadence.QUARTERLY,
              ChecklistStep.VALIDATE_PASSKEYS,
              reviews.passkeys(),
              today));
    }
    if (!account.apiKeys().isEmpty()) {
      tasks.add(
          task(
              "audit-api-keys",
              Cadence.QUARTERLY,
              ChecklistStep.AUDIT_API_KEYS,
              reviews.apiKeys(),
              today));
    }
    tasks.sort(
        Comparator.comparing(MaintenanceTask::nextDue)
            .thenComparing(MaintenanceTask::cadence)
            .thenComparing(MaintenanceTask::id));
    return tasks;
  }

  /** A task never done is due on the audit date and overdue. */
  static MaintenanceTask task(
      String id, Cadence cadence, ChecklistStep step, LocalDate lastDone, LocalDate today) {
    if (lastDone == null) {
      return new MaintenanceTask(id, cadence, step.text(), null, today, true);
    }
    LocalDate due = lastDone.plusMonths(cadence == Cadence.MONTHLY ? 1 : 3);
    return new MaintenanceTask(id, cadence, step.text(), lastDone, due, due.isBefore(today));
  }
}
