package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.posture.PostureChecks.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import org.junit.jupiter.api.Test;

class EligibilityCheckTest {
  private static final EligibilityCheck CHECK = new EligibilityCheck();

  @Test
  void anEligibleAccountHasNoFinding() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void prerequisitesThenStanding() {
    ObjectNode account = account().put("kycCompleted", false).put("country", "US");
    account.put("accountInGoodStanding", false);

    var findings = run(CHECK, account);

    assertThat(findings)
        .extracting(Finding::title)
        .containsExactly(
            "KYC is not complete: the programme requires it",
            "the programme is not available in US (it covers 26 countries)",
            "the account is not in good standing");
    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.MEDIUM);
    assertThat(findings).extracting(Finding::control).containsOnly(Control.PROGRAMME_ELIGIBILITY);
    assertThat(findings)
        .extracting(Finding::recommendation)
        .containsOnly(ChecklistStep.APP_ELIGIBILITY.text());
    assertThat(findings).extracting(Finding::appCondition).containsExactly(null, null, 8);
  }

  @Test
  void unknownPrerequisitesAreInfo() {
    ObjectNode account = account();
    account.putNull("kycCompleted");
    account.putNull("country");

    assertThat(run(CHECK, account))
        .extracting(Finding::severity)
        .containsExactly(Severity.INFO, Severity.INFO);
  }

  @Test
  void standingIsOnlyAFindingWhenTheProgrammeAsksForIt() {
    assertThat(
            run(
                CHECK,
                account().put("accountInGoodStanding", false),
                PostureChecks.withoutAccountConditions()))
        .isEmpty();
  }
}
