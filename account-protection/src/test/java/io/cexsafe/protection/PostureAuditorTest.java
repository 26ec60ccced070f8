package io.cexsafe.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.InvalidInputException;
import io.cexsafe.protection.PostureReport.Cadence;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.MaintenanceTask;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.PostureReport.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostureAuditorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock UNUSED_CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** An account that follows every step of the checklist, audited on 2026-05-04. */
  static ObjectNode hardenedAccount() {
    ObjectNode a = JSON.createObjectNode();
    a.put("programme", "crypto-com-app");
    a.put("evaluatedOn", "2026-05-04");
    a.put("country", "SG");
    a.put("kycCompleted", true);
    a.put("accountInGoodStanding", true);
    a.putObject("twoFactor")
        .put("method", "TOTP")
        .put("enabledOn", "2025-11-02")
        .put("allTransactionTypes", true);
    ArrayNode passkeys = a.putArray("passkeys");
    passkeys
        .addObject()
        .put("name", "phone")
        .put("hardwareKey", false)
        .put("addedOn", "2026-01-15");
    passkeys
        .addObject()
        .put("name", "YubiKey")
        .put("hardwareKey", true)
        .put("addedOn", "2026-01-15");
    a.putObject("antiPhishingCode")
        .put("enabled", true)
        .put("enabledOn", "2025-11-02")
        .put("lastChangedOn", "2026-04-20");
    a.put("withdrawalLock24h", true);
    ObjectNode whitelist = a.putObject("withdrawalWhitelist").put("enabled", true);
    whitelist
        .putArray("addresses")
        .addObject()
        .put("label", "Ledger")
        .put("addedOn", "2026-01-20")
        .put("zeroValueTestDone", true);
    a.putArray("devices")
        .addObject()
        .put("name", "phone")
        .put("trusted", true)
        .put("recognised", true)
        .put("jailbroken", false)
        .put("lastUsedOn", "2026-05-03");
    ObjectNode key = a.putArray("apiKeys").addObject();
    key.put("label", "tax tool");
    key.putArray("permissions").add("READ");
    key.putArray("ipAllowList");
    key.put("createdOn", "2026-01-10");
    key.putNull("lastRotatedOn");
    key.put("lastUsedOn", "2026-05-01");
    key.putNull("subAccount");
    a.putArray("subAccounts");
    a.putObject("password")
        .put("lastChangedOn", "2026-03-01")
        .put("inPasswordManager", true)
        .put("length", 24);
    a.putObject("email").put("twoFactorEnabled", true).put("dedicatedAddress", true);
    a.putObject("lastReviews")
        .put("devices", "2026-04-20")
        .put("securitySettingsHistory", "2026-04-20")
        .put("zeroValueTests", "2026-04-20")
        .put("passkeys", "2026-03-01")
        .put("apiKeys", "2026-03-01");
    return a;
  }

  static PostureReport audit(ObjectNode account) {
    return PostureAuditor.forProgramme(ProtectionProgrammes.cryptoComApp())
        .audit(AccountSettings.fromJson(account.toString(), "account.json", UNUSED_CLOCK));
  }

  private static List<Finding> findings(PostureReport report, Control control) {
    return report.findings().stream().filter(f -> f.control() == control).toList();
  }

  @Test
  void aHardenedAccountHasNoFindingsAndIsReady() {
    PostureReport report = audit(hardenedAccount());

    assertThat(report.findings()).isEmpty();
    assertThat(report.appReadiness().readyToday()).isTrue();
    assertThat(report.appReadiness().gaps()).isEmpty();
    assertThat(report.appReadiness().waitingPeriodMetFrom()).isEqualTo(LocalDate.of(2025, 11, 23));
    assertThat(report.appReadiness().afterIncidentConditions()).containsExactly(5, 6, 7, 9);
  }

  @Test
  void aJailbrokenDeviceIsCriticalAndBlocksTheProgramme() {
    ObjectNode account = hardenedAccount();
    ((ObjectNode) account.get("devices").get(0)).put("jailbroken", true);

    PostureReport report = audit(account);

    Finding finding = findings(report, Control.DEVICES).get(0);
    assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(finding.affectsAppEligibility()).isTrue();
    assertThat(finding.appCondition()).isEqualTo(4);
    assertThat(finding.recommendation()).contains("jailbroken");
    assertThat(report.appReadiness().readyToday()).isFalse();
    assertThat(report.appReadiness().gaps())
        .extracting(ReadinessGap::conditionNumber)
        .containsExactly(4);
  }

  @Test
  void theWithdrawalLockOffFailsCondition3() {
    ObjectNode account = hardenedAccount();
    account.put("withdrawalLock24h", false);

    PostureReport report = audit(account);

    assertThat(findings(report, Control.WITHDRAWAL_LOCK))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.appCondition()).isEqualTo(3);
            });
    assertThat(report.appReadiness().gaps())
        .extracting(ReadinessGap::id)
        .containsExactly("withdrawal-lock");
  }

  @Test
  void recentlyEnabledControlsGiveTheDateTheWaitingPeriodIsServed() {
    ObjectNode account = hardenedAccount();
    account.withObjectProperty("twoFactor").put("enabledOn", "2026-04-20");
    account
        .withObjectProperty("antiPhishingCode")
        .put("enabledOn", "2026-04-25")
        .put("lastChangedOn", "2026-04-25");

    PostureReport report = audit(account);

    assertThat(report.appReadiness().readyToday()).isFalse();
    assertThat(report.appReadiness().waitingPeriodMetFrom()).isEqualTo(LocalDate.of(2026, 5, 16));
    assertThat(report.appReadiness().gaps())
        .extracting(ReadinessGap::conditionNumber)
        .containsExactly(1, 2);
    assertThat(findings(report, Control.TWO_FACTOR))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.title()).contains("from 2026-05-11");
            });
  }

  @Test
  void day21AfterEnablingIsReadyAndDay20IsNot() {
    ObjectNode account = hardenedAccount();
    account
        .withObjectProperty("antiPhishingCode")
        .put("enabledOn", "2026-04-13")
        .put("lastChangedOn", "2026-04-13");
    assertThat(audit(account).appReadiness().readyToday()).isTrue();

    account
        .withObjectProperty("antiPhishingCode")
        .put("enabledOn", "2026-04-14")
        .put("lastChangedOn", "2026-04-14");
    PostureReport report = audit(account);
    assertThat(report.appReadiness().readyToday()).isFalse();
    assertThat(report.appReadiness().waitingPeriodMetFrom()).isEqualTo(LocalDate.of(2026, 5, 5));
  }

  @Test
  void controlsNotEnabledAreAssumedEnabledToday() {
    ObjectNode account = hardenedAccount();
    account.putObject("antiPhishingCode").put("enabled", false);

    PostureReport report = audit(account);

    assertThat(report.appReadiness().waitingPeriodMetFrom()).isEqualTo(LocalDate.of(2026, 5, 25));
    assertThat(report.appReadiness().waitingPeriodNote())
        .isEqualTo("assuming the anti-phishing code enabled on 2026-05-04");
    assertThat(findings(report, Control.ANTI_PHISHING_CODE))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.appCondition()).isEqualTo(2);
            });
  }

  @Test
  void anUnknownEnablingDateLeavesTheWaitingPeriodOpen() {
    ObjectNode account = hardenedAccount();
    account.withObjectProperty("twoFactor").putNull("enabledOn");

    PostureReport report = audit(account);

    assertThat(report.appReadiness().waitingPeriodMetFrom()).isNull();
    assertThat(report.appReadiness().gaps())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.unknown()).isTrue();
              assertThat(g.conditionNumber()).isEqualTo(1);
            });
  }

  @Test
  void weakSecondFactorsAreFlagged() {
    ObjectNode account = hardenedAccount();
    account.withObjectProperty("twoFactor").put("method", "SMS");
    assertThat(findings(audit(account), Control.TWO_FACTOR))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.title()).contains("SIM swaps");
              assertThat(f.affectsAppEligibility()).isFalse();
            });

    account.putObject("twoFactor").put("method", "NONE");
    PostureReport none = audit(account);
    assertThat(findings(none, Control.TWO_FACTOR))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.appCondition()).isEqualTo(1);
            });
    assertThat(none.appReadiness().gaps())
        .extracting(ReadinessGap::conditionNumber)
        .containsExactly(1);
  }

  @Test
  void apiKeysAreJudgedByPermissionIpAllowListAndAge() {
    ObjectNode account = hardenedAccount();
    ObjectNode key = ((ArrayNode) account.get("apiKeys")).addObject();
    key.put("label", "bot");
    key.putArray("permissions").add("READ").add("TRADE").add("WITHDRAW");
    key.putArray("ipAllowList");
    key.put("createdOn", "2025-12-01");
    key.putNull("lastRotatedOn");
    key.put("lastUsedOn", "2026-05-03");
    key.putNull("subAccount");

    PostureReport report = audit(account);

    assertThat(findings(report, Control.API_KEYS))
        .extracting(Finding::severity, Finding::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.HIGH, "API key \"bot\" can withdraw and is not restricted by IP"),
            org.assertj.core.groups.Tuple.tuple(
                Severity.LOW, "API key \"bot\" not rotated since 2025-12-01"));
    assertThat(findings(report, Control.SUB_ACCOUNTS)).hasSize(1);

    key.putArray("ipAllowList").add("203.0.113.7");
    key.put("lastRotatedOn", "2026-04-01");
    assertThat(findings(audit(account), Control.API_KEYS))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.MEDIUM);
  }

  @Test
  void unusedKeysAndDevicesAreFlagged() {
    ObjectNode account = hardenedAccount();
    ((ObjectNode) account.get("apiKeys").get(0)).put("lastUsedOn", "2026-01-11");
    ((ObjectNode) account.get("devices").get(0)).put("lastUsedOn", "2026-01-01");

    PostureReport report = audit(account);

    assertThat(findings(report, Control.API_KEYS))
        .singleElement()
        .extracting(Finding::title)
        .isEqualTo("API key \"tax tool\" unused since 2026-01-11");
    assertThat(findings(report, Control.DEVICES))
        .singleElement()
        .extracting(Finding::title)
        .isEqualTo("device \"phone\" unused since 2026-01-01");
  }

  @Test
  void maintenanceTasksHaveTheirNextDueDates() {
    PostureReport report = audit(hardenedAccount());

    assertThat(report.maintenance())
        .extracting(MaintenanceTask::id, MaintenanceTask::nextDue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("review-devices", LocalDate.of(2026, 5, 20)),
            org.assertj.core.groups.Tuple.tuple("scan-security-history", LocalDate.of(2026, 5, 20)),
            org.assertj.core.groups.Tuple.tuple("zero-value-tests", LocalDate.of(2026, 5, 20)),
            org.assertj.core.groups.Tuple.tuple("audit-api-keys", LocalDate.of(2026, 6, 1)),
            org.assertj.core.groups.Tuple.tuple("rotate-password", LocalDate.of(2026, 6, 1)),
            org.assertj.core.groups.Tuple.tuple("validate-passkeys", LocalDate.of(2026, 6, 1)));
    assertThat(report.nextMonthly())
        .get()
        .extracting(MaintenanceTask::cadence)
        .isEqualTo(Cadence.MONTHLY);
    assertThat(report.nextQuarterly().get().nextDue()).isEqualTo(LocalDate.of(2026, 6, 1));
  }

  @Test
  void overdueAndNeverDoneTasksBecomeFindings() {
    ObjectNode account = hardenedAccount();
    account.withObjectProperty("lastReviews").put("devices", "2026-03-01").putNull("apiKeys");

    PostureReport report = audit(account);

    assertThat(findings(report, Control.MAINTENANCE))
        .extracting(Finding::title)
        .containsExactly(
            "never done: quarterly task audit-api-keys",
            "overdue since 2026-04-01: monthly task review-devices");
  }

  @Test
  void aCountryOutsideTheProgrammeIsAnEligibilityFinding() {
    ObjectNode account = hardenedAccount();
    account.put("country", "US");

    PostureReport report = audit(account);

    assertThat(findings(report, Control.PROGRAMME_ELIGIBILITY))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.affectsAppEligibility()).isTrue();
              assertThat(f.title()).contains("not available in US");
            });
    assertThat(report.appReadiness().readyToday()).isFalse();
  }

  @Test
  void emailAndPasswordHygiene() {
    ObjectNode account = hardenedAccount();
    account.putObject("email").put("twoFactorEnabled", false).put("dedicatedAddress", false);
    account
        .putObject("password")
        .put("lastChangedOn", "2026-03-01")
        .put("inPasswordManager", false)
        .put("length", 12);

    PostureReport report = audit(account);

    assertThat(findings(report, Control.EMAIL))
        .extracting(Finding::severity)
        .containsExactly(Severity.HIGH, Severity.LOW);
    assertThat(findings(report, Control.PASSWORD))
        .extracting(Finding::title)
        .containsExactly(
            "the password has 12 characters, fewer than 20",
            "the password is not kept in a password manager");
  }

  @Test
  void badInputIsRejectedWithItsPath() {
    ObjectNode account = hardenedAccount();
    ((ObjectNode) account.get("apiKeys").get(0)).put("subAccount", "bots");
    assertThatThrownBy(() -> audit(account))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "account.json: $.apiKeys[0].subAccount: \"bots\" is not listed in $.subAccounts");

    ObjectNode typo = hardenedAccount();
    typo.withObjectProperty("twoFactor").put("methd", "TOTP");
    assertThatThrownBy(() -> audit(typo))
        .hasMessage(
            "account.json: $.twoFactor.methd: unknown field (expected one of: method,"
                + " enabledOn, allTransactionTypes)");

    ObjectNode missing = hardenedAccount();
    missing.remove("lastReviews");
    assertThatThrownBy(() -> audit(missing)).hasMessage("account.json: $.lastReviews: missing");

    ObjectNode future = hardenedAccount();
    future.withObjectProperty("password").put("lastChangedOn", "2026-06-01");
    assertThatThrownBy(() -> audit(future))
        .hasMessage(
            "account.json: $.password.lastChangedOn: 2026-06-01 is after evaluatedOn 2026-05-04");
  }
}
