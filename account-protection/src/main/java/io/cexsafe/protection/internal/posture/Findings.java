package io.cexsafe.protection.internal.posture;

import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import io.cexsafe.protection.internal.conditions.EnabledBeforeTransaction;
import java.time.LocalDate;
import java.util.List;

/** Builds findings: a checklist step to take, and the programme condition at stake if any. */
final class Findings {
  private Findings() {}

  static Finding finding(
      Severity severity, Control control, String title, ChecklistStep step, Integer condition) {
    return new Finding(severity, control, title, step.text(), condition != null, condition);
  }

  /**
   * A finding when a waiting-period condition is not served yet, or its start is unknown; none when
   * the programme has no such condition or it is served.
   */
  static void waitingPeriod(
      EnabledBeforeTransaction condition,
      LocalDate today,
      LocalDate enabledOn,
      String what,
      Control control,
      ChecklistStep step,
      List<Finding> findings) {
    if (condition == null) {
      return;
    }
    int days = condition.days();
    int number = condition.condition().number();
    if (enabledOn == null) {
      findings.add(
          finding(
              Severity.INFO,
              control,
              "not known when "
                  + what
                  + " was enabled: the programme needs it enabled "
                  + days
                  + " days before a transaction",
              step,
              number));
    } else if (enabledOn.plusDays(days).isAfter(today)) {
      findings.add(
          finding(
              Severity.MEDIUM,
              control,
              what
                  + " enabled on "
                  + enabledOn
                  + ": counts for the programme only for transactions"
                  + " from "
                  + enabledOn.plusDays(days),
              step,
              number));
    }
  }
}
