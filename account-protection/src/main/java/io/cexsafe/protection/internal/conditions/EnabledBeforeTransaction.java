package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import io.cexsafe.protection.internal.conditions.Readiness.WaitingPeriod;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A control that must have been enabled a number of days before each transaction: a waiting period
 * that a claim must have served and that an account serves from the day it enables it.
 */
public sealed interface EnabledBeforeTransaction extends ProgrammeCondition
    permits MfaEnabledBeforeTransaction, AntiPhishingCodeEnabledBeforeTransaction {

  /** The waiting period in days. */
  default int days() {
    return condition().days();
  }

  /**
   * Checks that {@code enabledOn} is at least {@link #days()} before every candidate transaction.
   *
   * @param details lines already found, added to
   * @param unknown paths already unknown, added to ({@code path} when {@code enabledOn} is null)
   * @param failedForClaim whether the condition already fails for the claim as a whole
   */
  static ConditionResult daysBefore(
      MinimumCondition condition,
      ClaimCase claim,
      String control,
      LocalDate enabledOn,
      String path,
      List<String> details,
      Set<String> unknown,
      boolean failedForClaim) {
    int days = condition.days();
    List<Integer> failingTx = new ArrayList<>();
    if (enabledOn == null) {
      unknown.add(path);
    } else {
      for (int index : claim.candidates()) {
        LocalDate txDate = claim.dateOf(index);
        long before = ChronoUnit.DAYS.between(enabledOn, txDate);
        if (before < days) {
          failingTx.add(index);
          details.add(
              "transactions["
                  + index
                  + "] on "
                  + txDate
                  + ": "
                  + control
                  + " enabled on "
                  + enabledOn
                  + ", "
                  + describeDays(before)
                  + "; needs "
                  + days
                  + " (enabled on or before "
                  + txDate.minusDays(days)
                  + ")");
        }
      }
      if (failingTx.isEmpty() && !failedForClaim) {
        details.add(
            control
                + " enabled on "
                + enabledOn
                + ", at least "
                + days
                + " days before every transaction");
      }
    }
    ConditionStatus status =
        failedForClaim || !failingTx.isEmpty()
            ? ConditionStatus.NOT_MET
            : unknown.isEmpty() ? ConditionStatus.MET : ConditionStatus.UNKNOWN;
    return new ConditionResult(
        condition.number(),
        condition.id(),
        condition.text(),
        status,
        details,
        failedForClaim ? List.of() : failingTx,
        List.copyOf(unknown));
  }

  private static String describeDays(long before) {
    if (before < 0) {
      return (-before) + " day(s) after the transaction";
    }
    return before + " day(s) before";
  }

  /**
   * When the waiting period is served for an account, adding a gap when that is after today. A
   * control not enabled yet is assumed enabled today.
   */
  static WaitingPeriod waitingPeriod(
      MinimumCondition condition,
      boolean enabled,
      LocalDate enabledOn,
      String what,
      LocalDate today,
      List<ReadinessGap> gaps) {
    int days = condition.days();
    if (!enabled) {
      LocalDate from = today.plusDays(days);
      gaps.add(
          Results.gap(
              condition,
              what + " is not enabled: enabled today, it would count for transactions from " + from,
              false));
      return new WaitingPeriod(from, what);
    }
    if (enabledOn == null) {
      gaps.add(Results.gap(condition, "not known when " + what + " was enabled", true));
      return WaitingPeriod.unknown();
    }
    LocalDate from = enabledOn.plusDays(days);
    if (from.isAfter(today)) {
      gaps.add(
          Results.gap(
              condition,
              what
                  + " enabled on "
                  + enabledOn
                  + ": the "
                  + days
                  + "-day period is served for"
                  + " transactions from "
                  + from,
              false));
    }
    return new WaitingPeriod(from, null);
  }
}
