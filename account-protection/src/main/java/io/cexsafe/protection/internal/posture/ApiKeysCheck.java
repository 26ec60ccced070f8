package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.posture.Findings.finding;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.AccountSettings.ApiKey;
import io.cexsafe.protection.AccountSettings.ApiPermission;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * API keys: withdrawal rights, IP allow-lists, rotation and unused keys; and sub-accounts for keys
 * that can trade or withdraw.
 */
public final class ApiKeysCheck implements PostureCheck {
  /** An API key unused for longer than this is considered unused. */
  static final int UNUSED_AFTER_DAYS = 90;

  /** Keys that can trade or withdraw are due for rotation after this many days. */
  static final int ROTATE_AFTER_DAYS = 90;

  @Override
  public List<Finding> findings(AuditSubject subject) {
    AccountSettings account = subject.account();
    LocalDate today = subject.today();
    List<Finding> findings = new ArrayList<>();
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
      if (powerful && ChronoUnit.DAYS.between(key.ageFrom(), today) > ROTATE_AFTER_DAYS) {
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
    return findings;
  }

  private static String permissions(ApiKey key) {
    return key.permissions().stream()
        .filter(p -> p != ApiPermission.READ)
        .sorted()
        .map(p -> p.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" and "));
  }
}
