package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.Claim;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;

/** {@link ConditionCheck#POLICE_REPORT_FILED}: in English, or with an English translation. */
public record PoliceReportFiled(MinimumCondition condition) implements ProgrammeCondition {
  public PoliceReportFiled {
    Results.requireCheck(condition, ConditionCheck.POLICE_REPORT_FILED);
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    Claim.PoliceReport report = claim.claim().policeReport();
    if (report == null) {
      return Results.unknown(condition, "$.policeReport");
    }
    if (!report.filed()) {
      return Results.outstanding(
          condition, "no police report filed yet: file one locally about the transactions");
    }
    String filed = report.filedOn() == null ? "filed" : "filed on " + report.filedOn();
    if (report.language() == null) {
      return Results.unknown(condition, "$.policeReport.language");
    }
    if (report.inEnglish()) {
      return Results.met(condition, "police report " + filed + ", in English");
    }
    if (report.englishTranslationProvided() == null) {
      return Results.unknown(condition, "$.policeReport.englishTranslationProvided");
    }
    String inLanguage = "police report " + filed + " in language \"" + report.language() + "\"";
    return report.englishTranslationProvided()
        ? Results.met(condition, inLanguage + ", with an English translation")
        : Results.outstanding(condition, inLanguage + ": an English translation must be provided");
  }

  /** A report is filed about an incident, so there is nothing to be ready for beforehand. */
  @Override
  public Readiness readiness(AccountSettings account) {
    return Readiness.afterAnIncident();
  }
}
