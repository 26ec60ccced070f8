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

class AccountInGoodStandingTest {
  private static final AccountInGoodStanding STANDING =
      new AccountInGoodStanding(bundled(ConditionCheck.ACCOUNT_IN_GOOD_STANDING));

  @Test
  void metInGoodStandingWithoutInvestigation() {
    assertThat(STANDING.judge(claimCase(claim())).details())
        .containsExactly("account in good standing, no pending investigation");
  }

  @Test
  void aKnownFailureWinsOverAnUnknownFact() {
    ObjectNode claim = claim().put("pendingInvestigation", true);
    claim.putNull("accountInGoodStanding");

    ConditionResult result = STANDING.judge(claimCase(claim));

    assertThat(result.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(result.details()).containsExactly("an investigation of the account is pending");
    assertThat(result.missing()).isEmpty();
  }

  @Test
  void bothFailuresAreListed() {
    ObjectNode claim =
        claim().put("accountInGoodStanding", false).put("pendingInvestigation", true);

    assertThat(STANDING.judge(claimCase(claim)).details())
        .containsExactly(
            "the account is not in good standing", "an investigation of the account is pending");
  }

  @Test
  void bothUnknownAreAskedFor() {
    ObjectNode claim = claim();
    claim.putNull("accountInGoodStanding");
    claim.putNull("pendingInvestigation");

    assertThat(STANDING.judge(claimCase(claim)).missing())
        .containsExactly("$.accountInGoodStanding", "$.pendingInvestigation");
  }

  @Test
  void readiness() {
    assertThat(STANDING.readiness(parseAccount(account())).gaps()).isEmpty();
    assertThat(
            STANDING.readiness(parseAccount(account().put("accountInGoodStanding", false))).gaps())
        .extracting(ReadinessGap::problem)
        .containsExactly("the account is not in good standing");
    ObjectNode unknown = account();
    unknown.putNull("accountInGoodStanding");
    assertThat(STANDING.readiness(parseAccount(unknown)).gaps().get(0).unknown()).isTrue();
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(() -> new AccountInGoodStanding(bundled(ConditionCheck.POLICE_REPORT_FILED)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
