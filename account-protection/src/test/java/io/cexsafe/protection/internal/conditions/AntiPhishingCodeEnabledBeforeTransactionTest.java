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
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AntiPhishingCodeEnabledBeforeTransactionTest {
  private static final AntiPhishingCodeEnabledBeforeTransaction CODE =
      new AntiPhishingCodeEnabledBeforeTransaction(
          bundled(ConditionCheck.ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION));

  private static ObjectNode codeEnabledOn(String date) {
    ObjectNode claim = claim();
    ((ObjectNode) claim.get("antiPhishingCode")).put("enabledOn", date);
    return claim;
  }

  @Test
  void metWhenSetLongBeforeTheTransaction() {
    ConditionResult result = CODE.judge(claimCase(claim()));

    assertThat(result.status()).isEqualTo(ConditionStatus.MET);
    assertThat(result.details())
        .containsExactly(
            "the anti-phishing code enabled on 2026-01-05, at least 21 days before every"
                + " transaction");
  }

  @Test
  void edgeOfTheWaitingPeriodFailsOnlyTheLaterTransaction() {
    ObjectNode claim = codeEnabledOn("2026-02-17");
    claim
        .withArray("transactions")
        .add(
            io.cexsafe.protection.internal.TestInputs.transaction(
                "2026-03-09T10:00:00Z", "DIGITAL_ASSET_WITHDRAWAL", "BTC", "0.1"));

    ConditionResult result = CODE.judge(claimCase(claim));

    assertThat(result.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(result.failingTransactions()).containsExactly(1);
  }

  @Test
  void notSetOrUnknown() {
    ObjectNode none = claim();
    none.putObject("antiPhishingCode").put("enabled", false);
    assertThat(CODE.judge(claimCase(none)).details())
        .containsExactly("no anti-phishing code was set");

    ObjectNode unknown = claim();
    unknown.putNull("antiPhishingCode");
    assertThat(CODE.judge(claimCase(unknown)).missing()).containsExactly("$.antiPhishingCode");

    ObjectNode undated = codeEnabledOn(null);
    ((ObjectNode) undated.get("antiPhishingCode")).putNull("enabledOn");
    assertThat(CODE.judge(claimCase(undated)).missing())
        .containsExactly("$.antiPhishingCode.enabledOn");
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(
            () ->
                new AntiPhishingCodeEnabledBeforeTransaction(
                    bundled(ConditionCheck.MFA_ENABLED_BEFORE_TRANSACTION)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readinessCountsFromTheEnablingDate() {
    ObjectNode account = account();
    ((ObjectNode) account.get("antiPhishingCode")).put("enabledOn", "2026-04-25");

    Readiness readiness = CODE.readiness(parseAccount(account));

    assertThat(readiness.gaps())
        .extracting(ReadinessGap::problem)
        .containsExactly(
            "the anti-phishing code enabled on 2026-04-25: the 21-day period is served for"
                + " transactions from 2026-05-16");
    assertThat(readiness.waitingPeriod().servedFrom()).isEqualTo(LocalDate.of(2026, 5, 16));
  }

  @Test
  void readinessWhenNotSet() {
    ObjectNode account = account();
    account.putObject("antiPhishingCode").put("enabled", false);

    Readiness readiness = CODE.readiness(parseAccount(account));

    assertThat(readiness.waitingPeriod().assumedEnabledToday()).isEqualTo("the anti-phishing code");
    assertThat(readiness.gaps()).hasSize(1);
    assertThat(readiness.gaps().get(0).unknown()).isFalse();
  }
}
