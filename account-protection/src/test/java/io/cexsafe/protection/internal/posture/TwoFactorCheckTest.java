package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.posture.PostureChecks.run;
import static io.cexsafe.protection.internal.posture.PostureChecks.titles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoFactorCheckTest {
  private static final TwoFactorCheck CHECK = new TwoFactorCheck();

  private static ObjectNode twoFactor(ObjectNode account) {
    return (ObjectNode) account.get("twoFactor");
  }

  @Test
  void totpCoveringEverythingLongEnoughAgoIsFine() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void noSecondFactorIsCriticalAndPutsConditionOneAtRisk() {
    ObjectNode account = account();
    account.putObject("twoFactor").put("method", "NONE");

    List<Finding> findings = run(CHECK, account);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(findings.get(0).appCondition()).isEqualTo(1);
    assertThat(findings.get(0).affectsAppEligibility()).isTrue();
  }

  @Test
  void weakMethodsAreHighButNotAProgrammeMatter() {
    ObjectNode account = account();
    twoFactor(account).put("method", "SMS");

    List<Finding> findings = run(CHECK, account);

    assertThat(findings)
        .extracting(Finding::title)
        .containsExactly("2FA by SMS: exposed to SIM swaps");
    assertThat(findings.get(0).appCondition()).isNull();
  }

  @Test
  void waitingPeriodEdge() {
    ObjectNode served = account();
    twoFactor(served).put("enabledOn", "2026-04-13");
    assertThat(run(CHECK, served)).isEmpty();

    ObjectNode notYet = account();
    twoFactor(notYet).put("enabledOn", "2026-04-14");
    assertThat(titles(CHECK, notYet))
        .containsExactly(
            "2FA enabled on 2026-04-14: counts for the programme only for transactions from"
                + " 2026-05-05");
  }

  @Test
  void unknownsAreInfo() {
    ObjectNode account = account();
    twoFactor(account).putNull("enabledOn").putNull("allTransactionTypes");

    List<Finding> findings = run(CHECK, account);

    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.INFO);
    assertThat(findings)
        .extracting(Finding::title)
        .containsExactly(
            "not known whether 2FA is required for every transaction type",
            "not known when 2FA was enabled: the programme needs it enabled 21 days before a"
                + " transaction");
  }

  @Test
  void withoutTheConditionThereIsNoWaitingPeriodAndNoConditionNumber() {
    ObjectNode account = account();
    twoFactor(account).put("enabledOn", "2026-05-01").put("allTransactionTypes", false);

    List<Finding> findings = run(CHECK, account, PostureChecks.withoutAccountConditions());

    assertThat(findings)
        .extracting(Finding::title)
        .containsExactly("2FA is not required for every transaction type that offers it");
    assertThat(findings.get(0).appCondition()).isNull();
    assertThat(findings.get(0).affectsAppEligibility()).isFalse();
  }
}
