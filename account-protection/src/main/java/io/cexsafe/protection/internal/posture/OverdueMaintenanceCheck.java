package io.cexsafe.protection.internal.posture;

import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.MaintenanceTask;
import io.cexsafe.protection.PostureReport.Severity;
import java.util.List;
import java.util.Locale;

/** A finding for each maintenance task that is overdue or was never done. */
public final class OverdueMaintenanceCheck implements PostureCheck {
  @Override
  public List<Finding> findings(AuditSubject subject) {
    return MaintenanceCalendar.tasks(subject.account()).stream()
        .filter(MaintenanceTask::overdue)
        .map(
            task ->
                new Finding(
                    Severity.LOW,
                    Control.MAINTENANCE,
                    (task.lastDone() == null
                            ? "never done: "
                            : "overdue since " + task.nextDue() + ": ")
                        + task.cadence().name().toLowerCase(Locale.ROOT)
                        + " task "
                        + task.id(),
                    task.task(),
                    false,
                    null))
        .toList();
  }
}
