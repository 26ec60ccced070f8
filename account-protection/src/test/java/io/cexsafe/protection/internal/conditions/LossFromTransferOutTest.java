package io.cexsafe.protection.internal.conditions;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.TestInputs.bundled;
import static io.cexsafe.protection.internal.TestInputs.claim;
import static io.cexsafe.protection.internal.TestInputs.claimCase;
import static io.cexsafe.protection.internal.TestInputs.parseAccount;
import static io.cexsafe.protection.internal.TestInputs.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.internal.TestInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossFromTransferOutTest {
  private static final LossFromTransferOut LOSS =
      new LossFromTransferOut(bundled(ConditionCheck.LOSS_FROM_TRANSFER_OUT));

  @Test
  void metWhenSomethingIsNotReturned() {
    ObjectNode claim = claim();
    claim
        .withArray("transactions")
        .add(transaction("2026-03-10T15:00:00Z", "DIGITAL_ASSET_WITHDRAWAL", "ETH", "2"))
        .get(1);
    ((ObjectNode) claim.get("transactions").get(1)).put("returnedAmount", "2");

    ConditionResult result = LOSS.judge(claimCase(claim));

    assertThat(result.status()).isEqualTo(ConditionStatus.MET);
    assertThat(result.details())
        .containsExactly(
            "funds left the account and were not (fully) returned",
            "transactions[1]: the whole 2 ETH was returned, so nothing is lost");
  }

  @Test
  void notMetWhenEverythingCameBack() {
    ObjectNode claim = claim();
    ((ObjectNode) claim.get("transactions").get(0)).put("returnedAmount", "0.5");

    ConditionResult result = LOSS.judge(claimCase(claim));

    assertThat(result.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(result.failingTransactions()).isEmpty();
  }

  @Test
  void onlyCandidateTransactionsCount() {
    ClaimCase noCandidates = new ClaimCase(TestInputs.parseClaim(claim()), List.of());

    assertThat(LOSS.judge(noCandidates).status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(LOSS.judge(noCandidates).details()).isEmpty();
  }

  @Test
  void onlyAfterAnIncident() {
    assertThat(LOSS.readiness(parseAccount(account())).afterIncident()).isTrue();
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(
            () -> new LossFromTransferOut(bundled(ConditionCheck.ACCOUNT_IN_GOOD_STANDING)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
