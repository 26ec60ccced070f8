package io.cexsafe.protection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a posture audit: findings, readiness for the protection programme, and the
 * maintenance calendar.
 *
 * @param evaluatedOn the audit date
 * @param findings findings, most severe first
 * @param appReadiness readiness for the protection programme
 * @param maintenance maintenance tasks, soonest due first
 * @param checklistSource the document the recommended steps come from
 */
public record PostureReport(
    LocalDate evaluatedOn,
    List<Finding> findings,
    AppReadiness appReadiness,
    List<MaintenanceTask> maintenance,
    String checklistSource) {

  /**
   * Validates the components, copying its lists.
   *
   * @param evaluatedOn the audit date
   * @param findings findings, most severe first
   * @param appReadiness readiness for the protection programme
   * @param maintenance maintenance tasks, soonest due first
   * @param checklistSource the document the recommended steps come from
   */
  public PostureReport {
    Objects.requireNonNull(evaluatedOn, "evaluatedOn");
    findings = List.copyOf(findings);
    Objects.requireNonNull(appReadiness, "appReadiness");
    maintenance = List.copyOf(maintenance);
  }

  /** {@return the monthly task due soonest, if any applies} */
  public Optional<MaintenanceTask> nextMonthly() {
    return next(Cadence.MONTHLY);
  }

  /** {@return the quarterly task due soonest, if any applies} */
  public Optional<MaintenanceTask> nextQuarterly() {
    return next(Cadence.QUARTERLY);
  }

  private Optional<MaintenanceTask> next(Cadence cadence) {
    return maintenance.stream()
        .filter(t -> t.cadence() == cadence)
        .min(Comparator.comparing(MaintenanceTask::nextDue));
  }

  /** How much a finding matters, most severe first. */
  public enum Severity {
    /** The most severe: act on it first. */
    CRITICAL,
    /** A serious weakness. */
    HIGH,
    /** A weakness worth fixing. */
    MEDIUM,
    /** A minor improvement. */
    LOW,
    /** Nothing wrong found, but something could not be checked or is worth knowing. */
    INFO
  }

  /** The account control a finding is about. */
  public enum Control {
    /** Two-factor authentication. */
    TWO_FACTOR,
    /** Passkeys. */
    PASSKEYS,
    /** A hardware security key. */
    HARDWARE_KEY,
    /** The anti-phishing code. */
    ANTI_PHISHING_CODE,
    /** The lock on new withdrawal addresses. */
    WITHDRAWAL_LOCK,
    /** The withdrawal address whitelist. */
    WITHDRAWAL_WHITELIST,
    /** Signed-in devices. */
    DEVICES,
    /** API keys. */
    API_KEYS,
    /** Sub-accounts. */
    SUB_ACCOUNTS,
    /** The password. */
    PASSWORD,
    /** The account's email address. */
    EMAIL,
    /** The routine checks the programme expects. */
    MAINTENANCE,
    /** What the programme requires before it considers a claim. */
    PROGRAMME_ELIGIBILITY
  }

  /**
   * One finding.
   *
   * @param severity how much it matters
   * @param control the control it is about
   * @param title what was found
   * @param recommendation the step to take, from the hardening checklist
   * @param affectsAppEligibility whether it stands between the user and the protection programme
   * @param appCondition the programme's minimum condition number it concerns, or null
   */
  public record Finding(
      Severity severity,
      Control control,
      String title,
      String recommendation,
      boolean affectsAppEligibility,
      Integer appCondition) {
    /**
     * Validates the components.
     *
     * @param severity how much it matters
     * @param control the control it is about
     * @param title what was found
     * @param recommendation the step to take, from the hardening checklist
     * @param affectsAppEligibility whether it stands between the user and the protection programme
     * @param appCondition the programme's minimum condition number it concerns, or null
     */
    public Finding {
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(control, "control");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(recommendation, "recommendation");
    }
  }

  /**
   * Whether the account would meet the programme's account-state conditions today.
   *
   * @param programmeId the programme
   * @param readyToday true when no gap remains today
   * @param gaps what fails or cannot be checked today
   * @param waitingPeriodMetFrom the first date on which every waiting-period condition (e.g. MFA
   *     and the anti-phishing code enabled 21 days before a transaction) holds, assuming controls
   *     not yet enabled are enabled on the audit date; null when an enabling date is unknown
   * @param waitingPeriodNote how {@code waitingPeriodMetFrom} was worked out
   * @param afterIncidentConditions the conditions that can only be met after an incident (police
   *     report, questionnaire, contacting support, the loss itself), by number
   */
  public record AppReadiness(
      String programmeId,
      boolean readyToday,
      List<ReadinessGap> gaps,
      LocalDate waitingPeriodMetFrom,
      String waitingPeriodNote,
      List<Integer> afterIncidentConditions) {
    /**
     * Normalises the components, copying its lists.
     *
     * @param programmeId the programme
     * @param readyToday true when no gap remains today
     * @param gaps what fails or cannot be checked today
     * @param waitingPeriodMetFrom the first date on which every waiting-period condition (e.g. MFA
     *     and the anti-phishing code enabled 21 days before a transaction) holds, assuming controls
     *     not yet enabled are enabled on the audit date; null when an enabling date is unknown
     * @param waitingPeriodNote how {@code waitingPeriodMetFrom} was worked out
     * @param afterIncidentConditions the conditions that can only be met after an incident (police
     *     report, questionnaire, contacting support, the loss itself), by number
     */
    public AppReadiness {
      gaps = List.copyOf(gaps);
      afterIncidentConditions = List.copyOf(afterIncidentConditions);
    }
  }

  /**
   * A condition or prerequisite that fails or cannot be checked today.
   *
   * @param conditionNumber the condition's number, or null for a prerequisite (KYC, country)
   * @param id the condition's id or the prerequisite's id
   * @param problem what is wrong, with dates
   * @param unknown true when it could not be checked rather than failed
   */
  public record ReadinessGap(Integer conditionNumber, String id, String problem, boolean unknown) {}

  /** How often a maintenance task recurs. */
  public enum Cadence {
    /** Every month. */
    MONTHLY,
    /** Every quarter. */
    QUARTERLY
  }

  /**
   * A recurring maintenance task.
   *
   * @param id stable id
   * @param cadence how often
   * @param task what to do, from the maintenance calendar
   * @param lastDone when it was last done, or null
   * @param nextDue when it is next due (the audit date when never done)
   * @param overdue whether it is due before the audit date or was never done
   */
  public record MaintenanceTask(
      String id,
      Cadence cadence,
      String task,
      LocalDate lastDone,
      LocalDate nextDue,
      boolean overdue) {}
}
