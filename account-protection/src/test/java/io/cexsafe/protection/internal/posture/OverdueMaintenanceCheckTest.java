package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.posture.PostureChecks.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverdueMaintenanceCheckTest {
  private static final OverdueMaintenanceCheck CHECK = new OverdueMaintenanceCheck();

  @Test
  void nothingOverdueNothingFound() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void overdueAndNeverDoneTasksAreLowFindingsWithTheTaskAsStep() {
    ObjectNode account = account();
    ((ObjectNode) account.get("lastReviews")).put("devices", "2026-04-01").putNull("apiKeys");

    List<Finding> findings = run(CHECK, account);

    assertThat(findings)
        .extracting(Finding::title)
        .containsExactly(
            "overdue since 2026-05-01: monthly task review-devices",
            "never done: quarterly task audit-api-keys");
    assertThat(findings).extracting(Finding::severity).containsOnly(Severity.LOW);
    assertThat(findings).extracting(Finding::control).containsOnly(Control.MAINTENANCE);
    assertThat(findings.get(0).recommendation()).isEqualTo(ChecklistStep.REVIEW_DEVICES.text());
    assertThat(findings).noneMatch(Finding::affectsAppEligibility);
  }
}
