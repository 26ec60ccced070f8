package io.cexsafe.protection;

import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.AccountSettings.ApiKey;
import io.cexsafe.protection.AccountSettings.ApiPermission;
import io.cexsafe.protection.AccountSettings.Device;
import io.cexsafe.protection.PostureReport.AppReadiness;
import io.cexsafe.protection.PostureReport.Cadence;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.MaintenanceTask;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import io.cexsafe.protection.internal.ChecklistStep;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Audits a user's own account settings against the hardening checklist and maintenance calendar,
 * and checks readiness for a protection programme: which of its account-state conditions fail today
 * and from which date its waiting periods are served.
 */
public final class PostureAuditor {
  /** A device, or an API key, unused for longer than this is considered unused. */
  static final int UNUSED_AFTER_DAYS = 90;

  /** Keys that can trade or withdraw are due for rotation after this many days. */
  static final int ROTATE_API_KEY_AFTER_DAYS = 90;

  static final int MIN_PASSWORD_LENGTH = 20;

  private final ProtectionProgramme programme;

  private PostureAuditor(ProtectionProgramme programme) {
    this.programme = Objects.requireNonNull(programme, "programme");
  }

  /** An auditor that checks readiness for {@code programme}. */
  public static PostureAuditor forProgramme(ProtectionProgramme programme) {
    return new PostureAuditor(programme);
  }

  /**
   * Audits the settings.
   *
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
    List<Finding> findings = new ArrayList<>();
    Conditions conditions = new Conditions(programme);
    LocalDate today = account.evaluatedOn();

    twoFactor(account, conditions, findings);
    passkeys(account, findings);
    antiPhishingCode(account, conditions, findings);
    withdrawalControls(account, conditions, findings);
    devices(account, conditions, findings);
    apiKeys(account, findings);
    passwordAndEmail(account, findings);
    eligibility(account, conditions, findings);

    List<MaintenanceTask> maintenance = maintenance(account);
    for (MaintenanceTask task : maintenance) {
      if (task.overdue()) {
        findings.add(
            new Finding(
                Severity.LOW,
                Control.MAINTENANCE,
                (task.lastDone() == null
                        ? "never done: "
                        : "overdue since " + task.nextDue() + ": ")
                    + task.cadence().name().toLowerCase(java.util.Locale.ROOT)
                    + " task "
                    + task.id(),
                task.task(),
                false,
                null));
      }
    }
    findings.sort(
        Comparator.comparing(Finding::severity)
            .thenComparing(Finding::control)
            .thenComparing(Finding::title));
    return new PostureReport(
        today, findings, readiness(account, conditions), maintenance, ChecklistStep.SOURCE);
  }

  // findings

  private void twoFactor(AccountSettings account, Conditions conditions, List<Finding> findings) {
    AccountSettings.TwoFactor tf = account.twoFactor();
    Integer mfa = conditions.number(ConditionCheck.MFA_ENABLED_BEFORE_TRANSACTION);
    switch (tf.method()) {
      case NONE ->
          findings.add(
              finding(
                  Severity.CRITICAL,
                  Control.TWO_FACTOR,
                  "no second factor: anyone with the password can sign in and move funds",
                  ChecklistStep.TOTP_2FA,
                  mfa));
      case SMS ->
          findings.add(
              finding(
                  Severity.HIGH,
                  Control.TWO_FACTOR,
                  "2FA by SMS: exposed to SIM swaps",
                  ChecklistStep.TOTP_2FA,
                  null));
      case EMAIL ->
          findings.add(
              finding(
                  Severity.HIGH,
                  Control.TWO_FACTOR,
                  "2FA by email: only as strong as the mailbox",
                  ChecklistStep.TOTP_2FA,
                  null));
      default -> {
        // TOTP, passkeys and hardware keys are what the checklist asks for
      }
    }
    if (!tf.enabled()) {
      return;
    }
    if (Boolean.FALSE.equals(tf.allTransactionTypes())) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.TWO_FACTOR,
              "2FA is not required for every transaction type that offers it",
              ChecklistStep.MFA_ALL_TRANSACTIONS,
              mfa));
    } else if (tf.allTransactionTypes() == null) {
      findings.add(
          finding(
              Severity.INFO,
              Control.TWO_FACTOR,
              "not known whether 2FA is required for every transaction type",
              ChecklistStep.MFA_ALL_TRANSACTIONS,
              mfa));
    }
    waitingPeriod(
        account,
        conditions.days(ConditionCheck.MFA_ENABLED_BEFORE_TRANSACTION),
        mfa,
        tf.enabledOn(),
        "2FA",
        Control.TWO_FACTOR,
        ChecklistStep.TOTP_2FA,
        findings);
  }

  private void passkeys(AccountSettings account, List<Finding> findings) {
    List<AccountSettings.Passkey> passkeys = account.passkeys();
    if (passkeys.isEmpty()) {
      findings.add(
          finding(
              Severity.MEDIUM,
              Control.PASSKEYS,
              "no passkeys: sign-in relies on phishable factors",
              ChecklistStep.PASSKEYS,
              null));
      return;
    }
    if (passkeys.size() == 1) {
      findings.add(
          finding(
              Severity.LOW,
              Control.PASSKEYS,
              "only one passkey: no backup if that device is lost",
              ChecklistStep.BACKUP_PASSKEY,
              null));
    }
    if (passkeys.stream().noneMatch(AccountSettings.Passkey::hardwareKey)) {
      findings.add(
          finding(
              Severity.LOW,
              Control.HARDWARE_KEY,
              "no hardware security key among the passkeys",
              ChecklistStep.HARDWARE_KEY,
              null));
    }
  }

  private void antiPhishingCode(
      AccountSettings account, Conditions conditions, List<Finding> findings) {
    AccountSettings.AntiPhishingCode code = account.antiPhishingCode();
    Integer number =
        conditions.number(ConditionCheck.ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION);
    if (!code.enabled()) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.ANTI_PHISHING_CODE,
              "no anti-phishing code: fake emails are harder to tell apart",
              ChecklistStep.ANTI_PHISHING_CODE,
              number));
      return;
    }
    waitingPeriod(
        account,
        conditions.days(ConditionCheck.ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION),
        number,
        code.enabledOn(),
        "the anti-phishing code",
        Control.ANTI_PHISHING_CODE,
        ChecklistStep.ANTI_PHISHING_CODE,
        findings);
    LocalDate changed = code.lastChangedOn() != null ? code.lastChangedOn() : code.enabledOn();
    if (changed != null && changed.plusMonths(1).isBefore(account.evaluatedOn())) {
      findings.add(
          finding(
              Severity.LOW,
              Control.ANTI_PHISHING_CODE,
              "anti-phishing code unchanged since " + changed,
              ChecklistStep.REFRESH_ANTI_PHISHING_CODE,
              null));
    }
  }

  /** A finding when a waiting-period condition is not served yet, or its start is unknown. */
  private void waitingPeriod(
      AccountSettings account,
      Integer days,
      Integer condition,
      LocalDate enabledOn,
      String what,
      Control control,
      ChecklistStep step,
      List<Finding> findings) {
    if (days == null) {
      return;
    }
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
              condition));
    } else if (enabledOn.plusDays(days).isAfter(account.evaluatedOn())) {
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
              condition));
    }
  }

  private void withdrawalControls(
      AccountSettings account, Conditions conditions, List<Finding> findings) {
    Integer lock = conditions.number(ConditionCheck.WITHDRAWAL_LOCK_ENABLED);
    if (Boolean.FALSE.equals(account.withdrawalLockEnabled())) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.WITHDRAWAL_LOCK,
              "24-hour withdrawal lock is off: a hijacked session can drain the account at once",
              ChecklistStep.WITHDRAWAL_LOCK,
              lock));
    } else if (account.withdrawalLockEnabled() == null) {
      findings.add(
          finding(
              Severity.INFO,
              Control.WITHDRAWAL_LOCK,
              "not known whether the 24-hour withdrawal lock is on",
              ChecklistStep.WITHDRAWAL_LOCK,
              lock));
    }
    AccountSettings.Whitelist whitelist = account.whitelist();
    if (!whitelist.enabled()) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.WITHDRAWAL_WHITELIST,
              "withdrawals are not limited to whitelisted addresses",
              ChecklistStep.WHITELIST,
              null));
    }
    List<String> untested =
        whitelist.addresses().stream()
            .filter(a -> !Boolean.TRUE.equals(a.zeroValueTestDone()))
            .map(AccountSettings.WhitelistedAddress::label)
            .toList();
    if (!untested.isEmpty()) {
      findings.add(
          finding(
              Severity.LOW,
              Control.WITHDRAWAL_WHITELIST,
              "no $0 test transfer recorded for: " + String.join(", ", untested),
              ChecklistStep.ZERO_VALUE_TEST,
              null));
    }
  }

  private void devices(AccountSettings account, Conditions conditions, List<Finding> findings) {
    Integer jailbreak = conditions.number(ConditionCheck.DEVICE_NOT_JAILBROKEN);
    LocalDate today = account.evaluatedOn();
    for (Device device : account.devices()) {
      if (Boolean.TRUE.equals(device.jailbroken())) {
        findings.add(
            finding(
                Severity.CRITICAL,
                Control.DEVICES,
                "jailbroken or rooted device \"" + device.name() + "\" is signed in",
                ChecklistStep.NO_JAILBROKEN_DEVICE,
                jailbreak));
      } else if (device.jailbroken() == null) {
        findings.add(
            finding(
                Severity.INFO,
                Control.DEVICES,
                "not known whether device \"" + device.name() + "\" is jailbroken or rooted",
                ChecklistStep.NO_JAILBROKEN_DEVICE,
                jailbreak));
      }
      if (!device.recognised()) {
        findings.add(
            finding(
                Severity.HIGH,
                Control.DEVICES,
                "unrecognised device \"" + device.name() + "\" is signed in",
                ChecklistStep.REMOVE_UNRECOGNISED_DEVICE,
                null));
      } else if (device.lastUsedOn() != null
          && ChronoUnit.DAYS.between(device.lastUsedOn(), today) > UNUSED_AFTER_DAYS) {
        findings.add(
            finding(
                Severity.LOW,
                Control.DEVICES,
                "device \"" + device.name() + "\" unused since " + device.lastUsedOn(),
                ChecklistStep.REMOVE_UNUSED_DEVICE,
                null));
      }
    }
    if (!account.devices().isEmpty() && account.devices().stream().noneMatch(Device::trusted)) {
      findings.add(
          finding(
              Severity.LOW,
              Control.DEVICES,
              "no device is marked trusted",
              ChecklistStep.TRUST_DEVICE,
              null));
    }
  }

  private void apiKeys(AccountSettings account, List<Finding> findings) {
    LocalDate today = account.evaluatedOn();
    boolean anyPowerfulKey = false;
    for (ApiKey key : account.apiKeys()) {
      String name = "API key \"" + key.label() + "\"";
      boolean withdraw = key.permissions().contains(ApiPermission.WITHDRAW);
      boolean powerful = !key.readOnly();
      anyPowerfulKey |= key.permissions().contains(ApiPermission.TRADE) || withdraw;
      if (withdraw && key.ipAllowList().isEmpty()) {
        findings.add(
            finding(
                Severity.HIGH,
                Control.API_KEYS,
                name + " can withdraw and is not restricted by IP",
                ChecklistStep.API_IP_ALLOW_LIST,
                null));
      } else if (withdraw) {
        findings.add(
            finding(
                Severity.MEDIUM,
                Control.API_KEYS,
                name + " can withdraw (IP-restricted)",
                ChecklistStep.API_READ_ONLY,
                null));
      } else if (powerful && key.ipAllowList().isEmpty()) {
        findings.add(
            finding(
                Severity.MEDIUM,
                Control.API_KEYS,
                name + " can " + permissions(key) + " and is not restricted by IP",
                ChecklistStep.API_IP_ALLOW_LIST,
                null));
      }
      if (powerful && ChronoUnit.DAYS.between(key.ageFrom(), today) > ROTATE_API_KEY_AFTER_DAYS) {
        findings.add(
            finding(
                Severity.LOW,
                Control.API_KEYS,
                name + " not rotated since " + key.ageFrom(),
                ChecklistStep.API_ROTATE,
                null));
      }
      if (key.lastUsedOn() == null
          ? ChronoUnit.DAYS.between(key.createdOn(), today) > UNUSED_AFTER_DAYS
          : ChronoUnit.DAYS.between(key.lastUsedOn(), today) > UNUSED_AFTER_DAYS) {
        findings.add(
            finding(
                Severity.LOW,
                Control.API_KEYS,
                name
                    + (key.lastUsedOn() == null
                        ? " has no recorded use since it was created on " + key.createdOn()
                        : " unused since " + key.lastUsedOn()),
                ChecklistStep.API_DELETE_UNUSED,
                null));
      }
    }
    if (anyPowerfulKey && account.subAccounts().isEmpty()) {
      findings.add(
          finding(
              Severity.LOW,
              Control.SUB_ACCOUNTS,
              "trading or withdrawal API keys act on the main account: no sub-accounts",
              ChecklistStep.SUB_ACCOUNTS,
              null));
    }
  }

  private static String permissions(ApiKey key) {
    return key.permissions().stream()
        .filter(p -> p != ApiPermission.READ)
        .sorted()
        .map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(" and "));
  }

  private void passwordAndEmail(AccountSettings account, List<Finding> findings) {
    AccountSettings.Password password = account.password();
    if (password.lastChangedOn() == null) {
      findings.add(
          finding(
              Severity.INFO,
              Control.PASSWORD,
              "not known when the password was last changed",
              ChecklistStep.ROTATE_PASSWORD,
              null));
    }
    if (Boolean.FALSE.equals(password.inPasswordManager())) {
      findings.add(
          finding(
              Severity.MEDIUM,
              Control.PASSWORD,
              "the password is not kept in a password manager",
              ChecklistStep.PASSWORD_MANAGER,
              null));
    }
    if (password.length() != null && password.length() < MIN_PASSWORD_LENGTH) {
      findings.add(
          finding(
              Severity.MEDIUM,
              Control.PASSWORD,
              "the password has "
                  + password.length()
                  + " characters, fewer than "
                  + MIN_PASSWORD_LENGTH,
              ChecklistStep.PASSWORD_MANAGER,
              null));
    }
    AccountSettings.Email email = account.email();
    if (Boolean.FALSE.equals(email.twoFactorEnabled())) {
      findings.add(
          finding(
              Severity.HIGH,
              Control.EMAIL,
              "the mailbox behind the account has no 2FA",
              ChecklistStep.EMAIL_2FA,
              null));
    } else if (email.twoFactorEnabled() == null) {
      findings.add(
          finding(
              Severity.INFO,
              Control.EMAIL,
              "not known whether the mailbox has 2FA",
              ChecklistStep.EMAIL_2FA,
              null));
    }
    if (Boolean.FALSE.equals(email.dedicatedAddress())) {
      findings.add(
          finding(
              Severity.LOW,
              Control.EMAIL,
              "the account's email address is also used elsewhere",
              ChecklistStep.EMAIL_ALIAS,
              null));
    }
  }

  private void eligibility(AccountSettings account, Conditions conditions, List<Finding> findings) {
    for (ReadinessGap gap : prerequisiteGaps(account)) {
      findings.add(
          new Finding(
              gap.unknown() ? Severity.INFO : Severity.MEDIUM,
              Control.PROGRAMME_ELIGIBILITY,
              gap.problem(),
              ChecklistStep.APP_ELIGIBILITY.text(),
              true,
              null));
    }
    Integer standing = conditions.number(ConditionCheck.ACCOUNT_IN_GOOD_STANDING);
    if (standing != null && Boolean.FALSE.equals(account.accountInGoodStanding())) {
      findings.add(
          new Finding(
              Severity.MEDIUM,
              Control.PROGRAMME_ELIGIBILITY,
              "the account is not in good standing",
              ChecklistStep.APP_ELIGIBILITY.text(),
              true,
              standing));
    }
  }

  private Finding finding(
      Severity severity, Control control, String title, ChecklistStep step, Integer condition) {
    return new Finding(severity, control, title, step.text(), condition != null, condition);
  }

  // readiness

  private List<ReadinessGap> prerequisiteGaps(AccountSettings account) {
    List<ReadinessGap> gaps = new ArrayList<>();
    if (programme.kycRequired()) {
      if (account.kycCompleted() == null) {
        gaps.add(new ReadinessGap(null, "kyc", "not known whether KYC is complete", true));
      } else if (!account.kycCompleted()) {
        gaps.add(
            new ReadinessGap(null, "kyc", "KYC is not complete: the programme requires it", false));
      }
    }
    if (!programme.countries().isEmpty()) {
      if (account.country() == null) {
        gaps.add(new ReadinessGap(null, "country", "country of residence not given", true));
      } else if (!programme.availableIn(account.country())) {
        gaps.add(
            new ReadinessGap(
                null,
                "country",
                "the programme is not available in "
                    + account.country()
                    + " (it covers "
                    + programme.countries().size()
                    + " countries)",
                false));
      }
    }
    return gaps;
  }

  private AppReadiness readiness(AccountSettings account, Conditions conditions) {
    LocalDate today = account.evaluatedOn();
    List<ReadinessGap> gaps = new ArrayList<>(prerequisiteGaps(account));
    List<Integer> afterIncident = new ArrayList<>();
    LocalDate waitingMetFrom = null;
    boolean waitingKnown = true;
    List<String> assumptions = new ArrayList<>();
    for (MinimumCondition condition : programme.minimumConditions()) {
      switch (condition.check()) {
        case MFA_ENABLED_BEFORE_TRANSACTION -> {
          AccountSettings.TwoFactor tf = account.twoFactor();
          if (Boolean.FALSE.equals(tf.allTransactionTypes())) {
            gaps.add(gap(condition, "2FA is not required for every transaction type", false));
          } else if (tf.enabled() && tf.allTransactionTypes() == null) {
            gaps.add(gap(condition, "not known whether 2FA covers every transaction type", true));
          }
          LocalDate from =
              waitingStart(
                  condition, tf.enabled(), tf.enabledOn(), "2FA", today, gaps, assumptions);
          if (from == null) {
            waitingKnown = false;
          } else if (waitingMetFrom == null || from.isAfter(waitingMetFrom)) {
            waitingMetFrom = from;
          }
        }
        case ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION -> {
          AccountSettings.AntiPhishingCode code = account.antiPhishingCode();
          LocalDate from =
              waitingStart(
                  condition,
                  code.enabled(),
                  code.enabledOn(),
                  "the anti-phishing code",
                  today,
                  gaps,
                  assumptions);
          if (from == null) {
            waitingKnown = false;
          } else if (waitingMetFrom == null || from.isAfter(waitingMetFrom)) {
            waitingMetFrom = from;
          }
        }
        case WITHDRAWAL_LOCK_ENABLED -> {
          if (account.withdrawalLockEnabled() == null) {
            gaps.add(gap(condition, "not known whether the withdrawal lock is on", true));
          } else if (!account.withdrawalLockEnabled()) {
            gaps.add(gap(condition, "the 24-hour withdrawal lock is off", false));
          }
        }
        case DEVICE_NOT_JAILBROKEN -> {
          List<String> jailbroken =
              account.devices().stream()
                  .filter(d -> Boolean.TRUE.equals(d.jailbroken()))
                  .map(Device::name)
                  .toList();
          if (!jailbroken.isEmpty()) {
            gaps.add(
                gap(
                    condition,
                    "jailbroken or rooted device(s): " + String.join(", ", jailbroken),
                    false));
          } else if (account.devices().stream().anyMatch(d -> d.jailbroken() == null)) {
            gaps.add(gap(condition, "not known whether every device is free of jailbreak", true));
          }
        }
        case ACCOUNT_IN_GOOD_STANDING -> {
          if (account.accountInGoodStanding() == null) {
            gaps.add(gap(condition, "not known whether the account is in good standing", true));
          } else if (!account.accountInGoodStanding()) {
            gaps.add(gap(condition, "the account is not in good standing", false));
          }
        }
        case POLICE_REPORT_FILED,
            SECURITY_QUESTIONNAIRE_COMPLETED,
            SUPPORT_CONTACTED_WITHIN_WORKING_DAYS,
            LOSS_FROM_TRANSFER_OUT ->
            afterIncident.add(condition.number());
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
        programme.id(),
        gaps.isEmpty(),
        gaps,
        waitingKnown ? waitingMetFrom : null,
        note,
        afterIncident);
  }

  /**
   * The first date a waiting-period condition holds, adding a gap when that is after today; null
   * when the enabling date is unknown.
   */
  private static LocalDate waitingStart(
      MinimumCondition condition,
      boolean enabled,
      LocalDate enabledOn,
      String what,
      LocalDate today,
      List<ReadinessGap> gaps,
      List<String> assumptions) {
    int days = condition.days();
    if (!enabled) {
      LocalDate from = today.plusDays(days);
      gaps.add(
          gap(
              condition,
              what + " is not enabled: enabled today, it would count for transactions from " + from,
              false));
      assumptions.add(what);
      return from;
    }
    if (enabledOn == null) {
      gaps.add(gap(condition, "not known when " + what + " was enabled", true));
      return null;
    }
    LocalDate from = enabledOn.plusDays(days);
    if (from.isAfter(today)) {
      gaps.add(
          gap(
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
    return from;
  }

  private static ReadinessGap gap(MinimumCondition condition, String problem, boolean unknown) {
    return new ReadinessGap(condition.number(), condition.id(), problem, unknown);
  }

  // maintenance

  private static List<MaintenanceTask> maintenance(AccountSettings account) {
    AccountSettings.LastReviews reviews = account.lastReviews();
    LocalDate today = account.evaluatedOn();
    List<MaintenanceTask> tasks = new ArrayList<>();
    tasks.add(
        task(
            "review-devices",
            Cadence.MONTHLY,
            ChecklistStep.REVIEW_DEVICES,
            reviews.devices(),
            today));
    tasks.add(
        task(
            "scan-security-history",
            Cadence.MONTHLY,
            ChecklistStep.SCAN_SECURITY_HISTORY,
            reviews.securitySettingsHistory(),
            today));
    if (account.whitelist().enabled()) {
      tasks.add(
          task(
              "zero-value-tests",
              Cadence.MONTHLY,
              ChecklistStep.RERUN_ZERO_VALUE_TESTS,
              reviews.zeroValueTests(),
              today));
    }
    tasks.add(
        task(
            "rotate-password",
            Cadence.QUARTERLY,
            ChecklistStep.ROTATE_PASSWORD,
            account.password().lastChangedOn(),
            today));
    if (!account.passkeys().isEmpty()) {
      tasks.add(
          task(
              "validate-passkeys",
              Cadence.QUARTERLY,
              ChecklistStep.VALIDATE_PASSKEYS,
              reviews.passkeys(),
              today));
    }
    if (!account.apiKeys().isEmpty()) {
      tasks.add(
          task(
              "audit-api-keys",
              Cadence.QUARTERLY,
              ChecklistStep.AUDIT_API_KEYS,
              reviews.apiKeys(),
              today));
    }
    tasks.sort(
        Comparator.comparing(MaintenanceTask::nextDue)
            .thenComparing(MaintenanceTask::cadence)
            .thenComparing(MaintenanceTask::id));
    return tasks;
  }

  private static MaintenanceTask task(
      String id, Cadence cadence, ChecklistStep step, LocalDate lastDone, LocalDate today) {
    if (lastDone == null) {
      return new MaintenanceTask(id, cadence, step.text(), null, today, true);
    }
    LocalDate due = lastDone.plusMonths(cadence == Cadence.MONTHLY ? 1 : 3);
    return new MaintenanceTask(id, cadence, step.text(), lastDone, due, due.isBefore(today));
  }

  /** Looks up the programme's condition numbers and parameters by check. */
  private record Conditions(ProtectionProgramme programme) {
    Integer number(ConditionCheck check) {
      return programme.minimumConditions().stream()
          .filter(c -> c.check() == check)
          .map(MinimumCondition::number)
          .findFirst()
          .orElse(null);
    }

    Integer days(ConditionCheck check) {
      return programme.minimumConditions().stream()
          .filter(c -> c.check() == check)
          .map(MinimumCondition::days)
          .findFirst()
          .orElse(null);
    }
  }
}
