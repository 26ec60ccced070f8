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

class AntiPhishingCodeCheckTest {
  private static final AntiPhishingCodeCheck CHECK = new AntiPhishingCodeCheck();

  private static ObjectNode code(ObjectNode account) {
    return (ObjectNode) account.get("antiPhishingCode");
  }

  @Test
  void servedAndRecentlyRefreshedIsFine() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void notSetIsHighAndPutsConditionTwoAtRisk() {
    ObjectNode account = account();
    account.putObject("antiPhishingCode").put("enabled", false);

    List<Finding> findings = run(CHECK, account);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(findings.get(0).appCondition()).isEqualTo(2);
  }

  @Test
  void refreshIsDueAfterOneMonthToTheDay() {
    ObjectNode fresh = account();
    code(fresh).put("lastChangedOn", "2026-04-04");
    assertThat(run(CHECK, fresh)).isEmpty();

    ObjectNode stale = account();
    code(stale).put("lastChangedOn", "2026-04-03");
    assertThat(titles(CHECK, stale))
        .containsExactly("anti-phishing code unchanged since 2026-04-03");
  }

  @Test
  void withoutAChangeDateTheEnablingDateCounts() {
    ObjectNode account = account();
    code(account).putNull("lastChangedOn");

    assertThat(titles(CHECK, account))
        .containsExactly("anti-phishing code unchanged since 2025-11-02");
  }

  @Test
  void recentlySetIsStillInItsWaitingPeriod() {
    ObjectNode account = account();
    code(account).put("enabledOn", "2026-04-25").putNull("lastChangedOn");

    assertThat(titles(CHECK, account))
        .containsExactly(
            "the anti-phishing code enabled on 2026-04-25: counts for the programme only for"
                + " transactions from 2026-05-16");
  }

  @Test
  void unknownDatesGiveOnlyTheWaitingPeriodQuestion() {
    ObjectNode account = account();
    code(account).putNull("enabledOn").putNull("lastChangedOn");

    List<Finding> findings = run(CHECK, account);

    assertThat(findings).extracting(Finding::severity).containsExactly(Severity.INFO);
  }
}
