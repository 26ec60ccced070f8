package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.TestInputs.parseAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.AppReadiness;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionProgrammes;
import io.cexsafe.protection.internal.TestInputs;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProgrammeReadinessTest {
  private static AppReadiness readiness(ObjectNode account) {
    return readiness(account, ProtectionProgrammes.cryptoComApp());
  }

  private static AppReadiness readiness(ObjectNode account, ProtectionProgramme programme) {
    return ProgrammeReadiness.of(AuditSubject.of(parseAccount(account), programme));
  }

  @Test
  void aHardenedAccountIsReadyWithItsWaitingPeriodsServed() {
    AppReadiness readiness = readiness(account());

    assertThat(readiness.programmeId()).isEqualTo("crypto-com-app");
    assertThat(readiness.readyToday()).isTrue();
    assertThat(readiness.waitingPeriodMetFrom()).isEqualTo(LocalDate.of(2025, 11, 23));
    assertThat(readiness.waitingPeriodNote()).isEqualTo("already served on the audit date");
    assertThat(readiness.afterIncidentConditions()).containsExactly(5, 6, 7, 9);
  }

  @Test
  void theLatestWaitingPeriodDecides() {
    ObjectNode account = account();
    ((ObjectNode) account.get("antiPhishingCode")).put("enabledOn", "2026-04-25");

    AppReadiness readiness = readiness(account);

    assertThat(readiness.readyToday()).isFalse();
    assertThat(readiness.waitingPeriodMetFrom()).isEqualTo(LocalDate.of(2026, 5, 16));
    assertThat(readiness.waitingPeriodNote()).isEqualTo("from the dates the controls were enabled");
  }

  @Test
  void controlsNotEnabledAreAssumedEnabledToday() {
    ObjectNode account = account();
    account.putObject("twoFactor").put("method", "NONE");
    account.putObject("antiPhishingCode").put("enabled", false);

    AppReadiness readiness = readiness(account);

    assertThat(readiness.waitingPeriodMetFrom()).isEqualTo(LocalDate.of(2026, 5, 25));
    assertThat(readiness.waitingPeriodNote())
        .isEqualTo("assuming 2FA and the anti-phishing code enabled on 2026-05-04");
  }

  @Test
  void oneUnknownEnablingDateLeavesTheDateOpen() {
    ObjectNode account = account();
    ((ObjectNode) account.get("twoFactor")).putNull("enabledOn");

    AppReadiness readiness = readiness(account);

    assertThat(readiness.waitingPeriodMetFrom()).isNull();
    assertThat(readiness.waitingPeriodNote())
        .isEqualTo("cannot be worked out: an enabling date is not known");
    assertThat(readiness.gaps()).extracting(ReadinessGap::unknown).containsExactly(true);
  }

  @Test
  void prerequisitesComeBeforeConditionsInTheGaps() {
    ObjectNode account = account().put("country", "US").put("withdrawalLock24h", false);

    assertThat(readiness(account).gaps())
        .extracting(ReadinessGap::id)
        .containsExactly("country", "withdrawal-lock");
  }

  @Test
  void aProgrammeWithoutWaitingPeriodsSaysSo() {
    AppReadiness readiness = readiness(account(), PostureChecks.withoutAccountConditions());

    assertThat(readiness.waitingPeriodMetFrom()).isNull();
    assertThat(readiness.waitingPeriodNote()).isEqualTo("the programme has no waiting periods");
    assertThat(readiness.afterIncidentConditions()).containsExactly(5, 6, 7, 9);
  }

  @Test
  void onlyTheProgrammesOwnConditionsAreAsked() {
    ProtectionProgramme lockOnly =
        TestInputs.programmeWith(
            java.util.List.of(
                TestInputs.bundled(io.cexsafe.protection.ConditionCheck.WITHDRAWAL_LOCK_ENABLED)));
    ObjectNode account = account().put("withdrawalLock24h", false);
    account.putObject("twoFactor").put("method", "NONE");

    AppReadiness readiness = readiness(account, lockOnly);

    assertThat(readiness.gaps()).extracting(ReadinessGap::conditionNumber).containsExactly(3);
    assertThat(readiness.afterIncidentConditions()).isEmpty();
  }
}
