package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.PostureReport.ReadinessGap;
import java.time.LocalDate;
import java.util.List;

/**
 * One condition's answer to the account-readiness question.
 *
 * @param gaps what fails or cannot be checked today, in the order to report them
 * @param waitingPeriod for a condition with a waiting period, when it is served; otherwise null
 * @param afterIncident true when the condition can only be met after an incident
 */
public record Readiness(
    List<ReadinessGap> gaps, WaitingPeriod waitingPeriod, boolean afterIncident) {
  public Readiness {
    gaps = List.copyOf(gaps);
    if (afterIncident && (!gaps.isEmpty() || waitingPeriod != null)) {
      throw new IllegalArgumentException(
          "a condition met only after an incident has no gaps or waiting period today");
    }
  }

  /** Ready, or not, with these gaps; no waiting period. */
  public static Readiness of(List<ReadinessGap> gaps) {
    return new Readiness(gaps, null, false);
  }

  /** Cannot be checked before an incident. */
  public static Readiness afterAnIncident() {
    return new Readiness(List.of(), null, true);
  }

  /**
   * When a waiting period is served.
   *
   * @param servedFrom the first date the condition holds, or null when the enabling date is unknown
   * @param assumedEnabledToday the control assumed to be enabled on the audit date because it is
   *     not enabled yet, or null
   */
  public record WaitingPeriod(LocalDate servedFrom, String assumedEnabledToday) {
    public WaitingPeriod {
      if (servedFrom == null && assumedEnabledToday != null) {
        throw new IllegalArgumentException(
            "a control assumed enabled today has a known waiting period");
      }
    }

    public static WaitingPeriod unknown() {
      return new WaitingPeriod(null, null);
    }

    public boolean known() {
      return servedFrom != null;
    }
  }
}
