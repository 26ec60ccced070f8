package io.cexsafe.protection.internal.conditions;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.TestInputs.bundled;
import static io.cexsafe.protection.internal.TestInputs.claim;
import static io.cexsafe.protection.internal.TestInputs.claimCase;
import static io.cexsafe.protection.internal.TestInputs.parseAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.internal.TestInputs;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MfaEnabledBeforeTransactionTest {
  private static final MfaEnabledBeforeTransaction MFA =
      new MfaEnabledBeforeTransaction(bundled(ConditionCheck.MFA_ENABLED_BEFORE_TRANSACTION));

  private static ConditionResult judge(ObjectNode claim) {
    return MFA.judge(claimCase(claim));
  }

  private static ObjectNode mfaEnabledOn(String date) {
    ObjectNode claim = claim();
    ((ObjectNode) claim.get("mfa")).put("enabledOn", date);
    return claim;
  }

  @Test
  void metWhenEnabledLongBeforeEveryTransaction() {
    ConditionResult result = judge(claim());

    assertThat(result.status()).isEqualTo(ConditionStatus.MET);
    assertThat(result.number()).isEqualTo(1);
    assertThat(result.details())
        .containsExactly("MFA enabled on 2026-01-05, at least 21 days before every transaction");
    assertThat(result.missing()).isEmpty();
  }

  @Test
  void exactlyTheWaitingPeriodIsEnoughAndOneDayLessIsNot() {
    assertThat(judge(mfaEnabledOn("2026-02-17")).status()).isEqualTo(ConditionStatus.MET);

    ConditionResult late = judge(mfaEnabledOn("2026-02-18"));
    assertThat(late.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(late.failingTransactions()).containsExactly(0);
    assertThat(late.details())
        .containsExactly(
            "transactions[0] on 2026-03-10: MFA enabled on 2026-02-18, 20 day(s) before; needs 21"
                + " (enabled on or before 2026-02-17)");
  }

  @Test
  void countsDaysInTheClaimantsTimeZone() {
    // 23:30 UTC on 9 March is already 10 March in Paris
    ObjectNode claim = mfaEnabledOn("2026-02-17");
    ((ObjectNode) claim.get("transactions").get(0)).put("time", "2026-03-09T23:30:00Z");

    assertThat(judge(claim).status()).isEqualTo(ConditionStatus.MET);
  }

  @Test
  void enabledAfterTheTransactionSaysSo() {
    ConditionResult result = judge(mfaEnabledOn("2026-03-11"));

    assertThat(result.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(result.details().get(0)).contains("1 day(s) after the transaction");
  }

  @Test
  void notForEveryTransactionTypeFailsTheWholeClaim() {
    ObjectNode claim = claim();
    ((ObjectNode) claim.get("mfa")).put("allTransactionTypes", false);

    ConditionResult result = judge(claim);

    assertThat(result.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(result.failingTransactions()).isEmpty();
    assertThat(result.details())
        .containsExactly("MFA was not enabled for every transaction type that offers it");
  }

  @Test
  void unknownFactsAreNamedByPath() {
    ObjectNode claim = claim();
    claim.putNull("mfa");
    assertThat(judge(claim).missing()).containsExactly("$.mfa");

    ObjectNode vague = claim();
    ((ObjectNode) vague.get("mfa")).putNull("enabledOn").putNull("allTransactionTypes");
    ConditionResult result = judge(vague);
    assertThat(result.status()).isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(result.missing()).containsExactly("$.mfa.allTransactionTypes", "$.mfa.enabledOn");
  }

  @Test
  void disabledIsNotMet() {
    ObjectNode claim = claim();
    claim.putObject("mfa").put("enabled", false);

    assertThat(judge(claim).details()).containsExactly("MFA was not enabled");
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(
            () -> new MfaEnabledBeforeTransaction(bundled(ConditionCheck.WITHDRAWAL_LOCK_ENABLED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WITHDRAWAL_LOCK_ENABLED");
    assertThatThrownBy(() -> new MfaEnabledBeforeTransaction(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void readyWhenServedAndCoveringEveryTransactionType() {
    Readiness readiness = MFA.readiness(parseAccount(account()));

    assertThat(readiness.gaps()).isEmpty();
    assertThat(readiness.afterIncident()).isFalse();
    assertThat(readiness.waitingPeriod().servedFrom()).isEqualTo(LocalDate.of(2025, 11, 23));
    assertThat(readiness.waitingPeriod().assumedEnabledToday()).isNull();
  }

  @Test
  void waitingPeriodEndingOnTheAuditDateIsServed() {
    ObjectNode account = account();
    ((ObjectNode) account.get("twoFactor")).put("enabledOn", "2026-04-13");

    Readiness readiness = MFA.readiness(parseAccount(account));

    assertThat(readiness.gaps()).isEmpty();
    assertThat(readiness.waitingPeriod().servedFrom()).isEqualTo(LocalDate.of(2026, 5, 4));
  }

  @Test
  void notEnabledIsAssumedEnabledToday() {
    ObjectNode account = account();
    account.putObject("twoFactor").put("method", "NONE");

    Readiness readiness = MFA.readiness(parseAccount(account));

    assertThat(readiness.gaps())
        .extracting(ReadinessGap::problem)
        .containsExactly(
            "2FA is not enabled: enabled today, it would count for transactions from 2026-05-25");
    assertThat(readiness.waitingPeriod().servedFrom()).isEqualTo(LocalDate.of(2026, 5, 25));
    assertThat(readiness.waitingPeriod().assumedEnabledToday()).isEqualTo("2FA");
  }

  @Test
  void unknownEnablingDateLeavesTheWaitingPeriodUnknown() {
    ObjectNode account = account();
    ((ObjectNode) account.get("twoFactor")).putNull("enabledOn").putNull("allTransactionTypes");

    Readiness readiness = MFA.readiness(parseAccount(account));

    assertThat(readiness.gaps())
        .extracting(ReadinessGap::problem, ReadinessGap::unknown)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "not known whether 2FA covers every transaction type", true),
            org.assertj.core.groups.Tuple.tuple("not known when 2FA was enabled", true));
    assertThat(readiness.waitingPeriod().known()).isFalse();
  }

  @Test
  void usesTheProgrammesOwnNumberOfDays() {
    MfaEnabledBeforeTransaction week =
        new MfaEnabledBeforeTransaction(
            TestInputs.condition(ConditionCheck.MFA_ENABLED_BEFORE_TRANSACTION, 7, null));

    assertThat(week.days()).isEqualTo(7);
    assertThat(week.judge(claimCase(mfaEnabledOn("2026-03-03"))).status())
        .isEqualTo(ConditionStatus.MET);
    assertThat(week.judge(claimCase(mfaEnabledOn("2026-03-04"))).status())
        .isEqualTo(ConditionStatus.NOT_MET);
  }
}
