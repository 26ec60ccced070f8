package io.cexsafe.protection;

import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.internal.ChecklistStep;
import io.cexsafe.protection.internal.posture.AuditSubject;
import io.cexsafe.protection.internal.posture.MaintenanceCalendar;
import io.cexsafe.protection.internal.posture.PostureCheck;
import io.cexsafe.protection.internal.posture.ProgrammeReadiness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Audits a user's own account settings against the hardening checklist and maintenance calendar,
 * and checks readiness for a protection programme: which of its account-state conditions fail today
 * and from which date its waiting periods are served.
 */
public final class PostureAuditor {
  private final ProtectionProgramme programme;

  private PostureAuditor(ProtectionProgramme programme) {
    this.programme = Objects.requireNonNull(programme, "programme");
  }

  /**
   * An auditor that checks readiness for {@code programme}.
   *
   * @param programme the programme's description
   * @return the auditor
   */
  public static PostureAuditor forProgramme(ProtectionProgramme programme) {
    return new PostureAuditor(programme);
  }

  /**
   * Audits the settings.
   *
   * @param account the account's security settings
   * @return the findings, readiness and maintenance tasks
   * @throws InvalidInputException when the settings name another programme
   */
  public PostureReport audit(AccountSettings account) {
    if (!account.programmeId().equals(programme.id())) {
      throw new InvalidInputException(
          "account",
          "$.programme",
          "settings are for \""
              + account.programmeId()
              + "\" but were audited against \""
              + programme.id()
              + "\"");
    }
    AuditSubject subject = AuditSubject.of(account, programme);
    List<Finding> findings = new ArrayList<>();
    for (PostureCheck check : PostureCheck.all()) {
      findings.addAll(check.findings(subject));
    }
    findings.sort(
        Comparator.comparing(Finding::severity)
            .thenComparing(Finding::control)
            .thenComparing(Finding::title));
    return new PostureReport(
        account.evaluatedOn(),
        findings,
        ProgrammeReadiness.of(subject),
        MaintenanceCalendar.tasks(account),
        ChecklistStep.SOURCE);
  }
}
