package io.cexsafe.protection.internal.posture;

import io.cexsafe.protection.PostureReport.AppReadiness;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.internal.conditions.ProgrammeCondition;
import io.cexsafe.protection.internal.conditions.Readiness;
import io.cexsafe.protection.internal.conditions.Readiness.WaitingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an account is ready for its programme today: the prerequisites, then each condition's own
 * answer, and the date from which every waiting period is served.
 */
public final class ProgrammeReadiness {
  private ProgrammeReadiness() {}

  public static AppReadiness of(AuditSubject subject) {
    LocalDate today = subject.today();
    List<ReadinessGap> gaps =
        new ArrayList<>(Prerequisites.gaps(subject.programme(), subject.account()));
    List<Integer> afterIncident = new ArrayList<>();
    LocalDate waitingMetFrom = null;
    boolean waitingKnown = true;
    List<String> assumptions = new ArrayList<>();
    for (ProgrammeCondition condition : subject.conditions().all()) {
      Readiness readiness = condition.readiness(subject.account());
      if (readiness.afterIncident()) {
        afterIncident.add(condition.condition().number());
      }
      gaps.addAll(readiness.gaps());
      WaitingPeriod waiting = readiness.waitingPeriod();
      if (waiting == null) {
        continue;
      }
      if (waiting.assumedEnabledToday() != null) {
        assumptions.add(waiting.assumedEnabledToday());
      }
      if (!waiting.known()) {
        waitingKnown = false;
      } else if (waitingMetFrom == null || waiting.servedFrom().isAfter(waitingMetFrom)) {
        waitingMetFrom = waiting.servedFrom();
      }
    }
    String note;
    if (!waitingKnown) {
      note = "cannot be worked out: an enabling date is not known";
    } else if (waitingMetFrom == null) {
      note = "the programme has no waiting periods";
    } else if (assumptions.isEmpty()) {
      note =
          waitingMetFrom.isAfter(today)
              ? "from the dates the controls were enabled"
              : "already served on the audit date";
    } else {
      note = "assuming " + String.join(" and ", assumptions) + " enabled on " + today;
    }
    return new AppReadiness(
        subject.programme().id(),
        gaps.isEmpty(),
        gaps,
        waitingKnown ? waitingMetFrom : null,
        note,
        afterIncident);
  }
}
