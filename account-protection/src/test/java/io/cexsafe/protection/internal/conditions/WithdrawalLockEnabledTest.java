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
import org.junit.jupiter.api.Test;

class WithdrawalLockEnabledTest {
  private static final WithdrawalLockEnabled LOCK =
      new WithdrawalLockEnabled(bundled(ConditionCheck.WITHDRAWAL_LOCK_ENABLED));

  private static ConditionResult judge(Boolean lock) {
    ObjectNode claim = claim();
    if (lock == null) {
      claim.putNull("withdrawalLock24h");
    } else {
      claim.put("withdrawalLock24h", lock);
    }
    return LOCK.judge(claimCase(claim));
  }

  @Test
  void judgesTheClaim() {
    assertThat(judge(true).status()).isEqualTo(ConditionStatus.MET);
    assertThat(judge(true).details()).containsExactly("the withdrawal lock was enabled");
    assertThat(judge(false).status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(judge(false).failingTransactions()).isEmpty();
    assertThat(judge(null).status()).isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(judge(null).missing()).containsExactly("$.withdrawalLock24h");
  }

  @Test
  void readiness() {
    assertThat(LOCK.readiness(parseAccount(account())).gaps()).isEmpty();

    ObjectNode off = account().put("withdrawalLock24h", false);
    assertThat(LOCK.readiness(parseAccount(off)).gaps())
        .extracting(ReadinessGap::conditionNumber, ReadinessGap::problem, ReadinessGap::unknown)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "the 24-hour withdrawal lock is off", false));

    ObjectNode unknown = account();
    unknown.putNull("withdrawalLock24h");
    assertThat(LOCK.readiness(parseAccount(unknown)).gaps().get(0).unknown()).isTrue();
    assertThat(LOCK.readiness(parseAccount(unknown)).waitingPeriod()).isNull();
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(
            () -> new WithdrawalLockEnabled(bundled(ConditionCheck.DEVICE_NOT_JAILBROKEN)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
