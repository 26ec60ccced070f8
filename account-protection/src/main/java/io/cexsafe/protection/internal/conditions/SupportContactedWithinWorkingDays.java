package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.Claim;
import io.cexsafe.protection.ClaimAssessment.ClaimDeadline;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import io.cexsafe.protection.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link ConditionCheck#SUPPORT_CONTACTED_WITHIN_WORKING_DAYS}, counted in the claimant's working
 * days; it also sets the claim's deadline for contacting support.
 */
public record SupportContactedWithinWorkingDays(MinimumCondition condition)
    implements ProgrammeCondition {
  public SupportContactedWithinWorkingDays {
    Results.requireCheck(condition, ConditionCheck.SUPPORT_CONTACTED_WITHIN_WORKING_DAYS);
  }

  public int workingDays() {
    return condition.workingDays();
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    Claim.SupportContact contact = claim.claim().supportContact();
    if (contact == null) {
      return Results.unknown(condition, "$.supportContact");
    }
    WorkingDayCalendar calendar = claim.claim().calendar();
    int workingDays = workingDays();
    List<String> details = new ArrayList<>();
    List<Integer> failing = new ArrayList<>();
    if (!contact.contacted()) {
      LocalDate earliestOpen = null;
      for (int index : claim.candidates()) {
        LocalDate txDate = claim.dateOf(index);
        LocalDate lastDay = calendar.addWorkingDays(txDate, workingDays);
        if (lastDay.isBefore(claim.claim().evaluatedOn())) {
          failing.add(index);
          details.add(
              "transactions["
                  + index
                  + "] on "
                  + txDate
                  + ": support not contacted by "
                  + lastDay
                  + " (working day "
                  + workingDays
                  + "), too late now");
        } else if (earliestOpen == null || lastDay.isBefore(earliestOpen)) {
          earliestOpen = lastDay;
        }
      }
      if (!failing.isEmpty()) {
        return Results.result(condition, ConditionStatus.NOT_MET, details, failing);
      }
      details.add(
          "support not contacted yet: contact support by "
              + earliestOpen
              + " (working day "
              + workingDays
              + " after the first transaction)");
      return Results.result(condition, ConditionStatus.OUTSTANDING, details, List.of());
    }
    LocalDate contactedOn = contact.contactedOn();
    if (contactedOn == null) {
      return Results.unknown(condition, "$.supportContact.contactedOn");
    }
    for (int index : claim.candidates()) {
      LocalDate txDate = claim.dateOf(index);
      LocalDate lastDay = calendar.addWorkingDays(txDate, workingDays);
      if (contactedOn.isAfter(lastDay)) {
        failing.add(index);
        details.add(
            "transactions["
                + index
                + "] on "
                + txDate
                + ": support contacted on "
                + contactedOn
                + ", working day "
                + calendar.workingDaysAfter(txDate, contactedOn)
                + "; the last day was "
                + lastDay
                + " (working day "
                + workingDays
                + ")");
      }
    }
    if (failing.isEmpty()) {
      details.add(
          "support contacted on "
              + contactedOn
              + ", within "
              + workingDays
              + " working days of every transaction");
      return Results.result(condition, ConditionStatus.MET, details, List.of());
    }
    return Results.result(condition, ConditionStatus.NOT_MET, details, failing);
  }

  /**
   * The deadline for contacting support, counted from the first candidate transaction.
   *
   * @throws IllegalArgumentException when the claim has no candidate transaction
   */
  public ClaimDeadline deadline(ClaimCase claim) {
    LocalDate first =
        claim.candidates().stream()
            .map(claim::dateOf)
            .min(Comparator.naturalOrder())
            .orElseThrow(
                () -> new IllegalArgumentException("no candidate transaction to count from"));
    LocalDate lastDay = claim.claim().calendar().addWorkingDays(first, workingDays());
    Claim.SupportContact contact = claim.claim().supportContact();
    LocalDate contactedOn = contact == null ? null : contact.contactedOn();
    return new ClaimDeadline(
        first, workingDays(), lastDay, contactedOn, lastDay.isBefore(claim.claim().evaluatedOn()));
  }

  /** Support is contacted about an incident. */
  @Override
  public Readiness readiness(AccountSettings account) {
    return Readiness.afterAnIncident();
  }
}
