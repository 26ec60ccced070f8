package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.posture.PostureChecks.run;
import static io.cexsafe.protection.internal.posture.PostureChecks.titles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import org.junit.jupiter.api.Test;

class WithdrawalControlsCheckTest {
  private static final WithdrawalControlsCheck CHECK = new WithdrawalControlsCheck();

  @Test
  void lockAndTestedWhitelistAreFine() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void lockOffOrUnknown() {
    assertThat(run(CHECK, account().put("withdrawalLock24h", false)))
        .extracting(Finding::severity, Finding::appCondition)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.HIGH, 3));
    ObjectNode unknown = account();
    unknown.putNull("withdrawalLock24h");
    assertThat(run(CHECK, unknown)).extracting(Finding::severity).containsExactly(Severity.INFO);
  }

  @Test
  void whitelistOffAndUntestedAddresses() {
    ObjectNode account = account();
    ObjectNode whitelist = account.putObject("withdrawalWhitelist").put("enabled", true);
    ArrayNode addresses = whitelist.putArray("addresses");
    addresses
        .addObject()
        .put("label", "a")
        .put("addedOn", "2026-01-20")
        .put("zeroValueTestDone", false);
    addresses
        .addObject()
        .put("label", "b")
        .put("addedOn", "2026-01-20")
        .putNull("zeroValueTestDone");
    addresses
        .addObject()
        .put("label", "c")
        .put("addedOn", "2026-01-20")
        .put("zeroValueTestDone", true);
    assertThat(titles(CHECK, account)).containsExactly("no $0 test transfer recorded for: a, b");

    ObjectNode off = account();
    off.putObject("withdrawalWhitelist").put("enabled", false).putArray("addresses");
    assertThat(run(CHECK, off))
        .extracting(Finding::control)
        .containsExactly(Control.WITHDRAWAL_WHITELIST);
  }

  @Test
  void withoutTheLockConditionNoConditionIsNamed() {
    assertThat(
            run(
                CHECK,
                account().put("withdrawalLock24h", false),
                PostureChecks.withoutAccountConditions()))
        .extracting(Finding::appCondition)
        .containsExactly((Integer) null);
  }
}
