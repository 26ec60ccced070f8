package io.cexsafe.protection;

import io.cexsafe.Json;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.MissingInformation;
import io.cexsafe.protection.ClaimAssessment.NotCoveredReason;
import io.cexsafe.protection.ClaimAssessment.RecoveryEstimate;
import io.cexsafe.protection.ClaimAssessment.TransactionRecovery;
import io.cexsafe.protection.PostureReport.AppReadiness;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.MaintenanceTask;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.internal.Money;
import java.util.Locale;

/** Renders claim assessments and posture reports for people (text) and programs (JSON). */
public final class ProtectionReports {
  private ProtectionReports() {}

  /**
   * The assessment as indented JSON (cexsafe's JSON conventions), ending with a newline.
   *
   * @param assessment the claim's assessment
   * @return the JSON
   */
  public static String json(ClaimAssessment assessment) {
    return Json.writePretty(assessment);
  }

  /**
   * The report as indented JSON (cexsafe's JSON conventions), ending with a newline.
   *
   * @param report the posture report
   * @return the JSON
   */
  public static String json(PostureReport report) {
    return Json.writePretty(report);
  }

  /**
   * The assessment as text for a terminal.
   *
   * @param a the claim's assessment
   * @return the text
   */
  public static String text(ClaimAssessment a) {
    StringBuilder out = new StringBuilder();
    out.append("Programme: ")
        .append(a.programmeId())
        .append(" (description v")
        .append(a.programmeVersion())
        .append("), evaluated on ")
        .append(a.evaluatedOn())
        .append('\n');
    out.append("Outcome:   ").append(label(a.outcome())).append('\n');
    out.append("           ").append(a.summary()).append('\n');

    if (!a.notCovered().isEmpty()) {
      out.append("\nNot covered\n");
      for (NotCoveredReason r : a.notCovered()) {
        out.append("  - ")
            .append(
                r.transactionIndex() == null
                    ? "claim"
                    : "transactions[" + r.transactionIndex() + "]")
            .append(": ")
            .append(r.id())
            .append(" (")
            .append(r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append("): ")
            .append(r.detail())
            .append("\n      \"")
            .append(r.title())
            .append("\"\n");
      }
    }

    if (!a.conditions().isEmpty()) {
      out.append("\nMinimum conditions\n");
      for (ConditionResult c : a.conditions()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %d. %-12s %s%n",
                c.number(),
                c.status().name().replace('_', ' '),
                c.id()));
        for (String detail : c.details()) {
          out.append("       ").append(detail).append('\n');
        }
        for (String path : c.missing()) {
          out.append("       needs ").append(path).append('\n');
        }
      }
    }

    if (!a.informationNeeded().isEmpty()) {
      out.append("\nInformation needed\n");
      for (MissingInformation m : a.informationNeeded()) {
        out.append("  - ").append(m.path()).append(": ").append(m.reason()).append('\n');
      }
    }

    if (a.deadline() != null) {
      out.append("\nDeadline to contact support: ")
          .append(a.deadline().lastDay())
          .append(" (working day ")
          .append(a.deadline().workingDays())
          .append(" after ")
          .append(a.deadline().occurredOn())
          .append(a.deadline().passed() ? ", passed" : "")
          .append(")");
      if (a.deadline().contactedOn() != null) {
        out.append("; contacted on ").append(a.deadline().contactedOn());
      }
      out.append('\n');
    }

    RecoveryEstimate r = a.recovery();
    if (r != null) {
      out.append("\nRecovery estimate (valued on the payment date ")
          .append(r.paymentDate())
          .append(", cap USD ")
          .append(Money.plain(r.capUsd()))
          .append(")\n");
      for (TransactionRecovery t : r.transactions()) {
        out.append("  transactions[")
            .append(t.index())
            .append("] ")
            .append(Money.plain(t.lostAmount()))
            .append(' ')
            .append(t.asset());
        if (t.usdPerUnit() == null) {
          out.append(": no price on the payment date\n");
          continue;
        }
        out.append(" at USD ")
            .append(Money.plain(t.usdPerUnit()))
            .append(" = USD ")
            .append(Money.usd(t.lossUsd()))
            .append(" -> ")
            .append(Money.plain(t.recoverableAmount()))
            .append(' ')
            .append(t.asset())
            .append(" (USD ")
            .append(Money.usd(t.recoverableUsd()))
            .append(')')
            .append(t.limitedByCap() ? ", limited by the cap" : "")
            .append('\n');
      }
      if (r.complete()) {
        out.append("  total: loss USD ")
            .append(Money.usd(r.lossUsd()))
            .append(", estimate USD ")
            .append(Money.usd(r.recoverableUsd()))
            .append(r.capReached() ? " (cap reached)" : "")
            .append('\n');
      } else {
        for (MissingInformation m : r.missingPrices()) {
          out.append("  needs ").append(m.path()).append(": ").append(m.reason()).append('\n');
        }
      }
      out.append("  ").append(r.basis()).append('\n');
    }

    if (a.discretionNote() != null) {
      out.append('\n').append(a.discretionNote()).append('\n');
    }
    out.append("Terms: ").append(a.termsPrevail()).append('\n');
    return out.toString();
  }

  /**
   * The report as text for a terminal.
   *
   * @param report the posture report
   * @return the text
   */
  public static String text(PostureReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Account security posture on ").append(report.evaluatedOn()).append('\n');
    out.append("\nFindings (").append(report.findings().size()).append(")\n");
    if (report.findings().isEmpty()) {
      out.append("  none\n");
    }
    for (Finding f : report.findings()) {
      out.append(
          String.format(Locale.ROOT, "  %-8s %-21s %s%n", f.severity(), f.control(), f.title()));
      if (f.affectsAppEligibility()) {
        out.append("           affects APP eligibility")
            .append(f.appCondition() == null ? "" : " (condition " + f.appCondition() + ")")
            .append('\n');
      }
      out.append("           -> ").append(f.recommendation()).append('\n');
    }

    AppReadiness r = report.appReadiness();
    out.append("\nProtection programme readiness (")
        .append(r.programmeId())
        .append("): ")
        .append(r.readyToday() ? "ready today" : "not ready today")
        .append('\n');
    for (ReadinessGap gap : r.gaps()) {
      out.append("  - ")
          .append(
              gap.conditionNumber() == null ? "prerequisite" : "condition " + gap.conditionNumber())
          .append(gap.unknown() ? " (unknown)" : "")
          .append(": ")
          .append(gap.problem())
          .append('\n');
    }
    out.append("  Waiting periods served from: ")
        .append(r.waitingPeriodMetFrom() == null ? "unknown" : r.waitingPeriodMetFrom().toString())
        .append(" (")
        .append(r.waitingPeriodNote())
        .append(")\n");
    out.append("  Conditions that apply after an incident: ")
        .append(r.afterIncidentConditions())
        .append('\n');

    out.append("\nMaintenance calendar\n");
    for (MaintenanceTask t : report.maintenance()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-9s %s  %-21s %s%n",
              t.cadence(),
              t.nextDue(),
              t.id(),
              t.overdue()
                  ? (t.lastDone() == null ? "never done" : "overdue")
                  : "last done " + t.lastDone()));
    }
    out.append("\nSteps from: ").append(report.checklistSource()).append('\n');
    return out.toString();
  }

  private static String label(ClaimAssessment.Outcome outcome) {
    return switch (outcome) {
      case MEETS_MINIMUM_CONDITIONS ->
          "MEETS THE MINIMUM CONDITIONS (relief at the exchange's discretion)";
      case NOT_COVERED -> "NOT COVERED";
      case CONDITIONS_NOT_MET -> "CONDITIONS NOT MET";
      case INFORMATION_NEEDED -> "INFORMATION NEEDED";
    };
  }
}
