package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.posture.PostureChecks.run;
import static io.cexsafe.protection.internal.posture.PostureChecks.titles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import org.junit.jupiter.api.Test;

class DevicesCheckTest {
  private static final DevicesCheck CHECK = new DevicesCheck();

  private static ObjectNode device(ObjectNode account) {
    return (ObjectNode) account.get("devices").get(0);
  }

  @Test
  void aRecognisedTrustedDeviceInUseIsFine() {
    assertThat(run(CHECK, account())).isEmpty();
    ObjectNode none = account();
    none.putArray("devices");
    assertThat(run(CHECK, none)).isEmpty();
  }

  @Test
  void jailbrokenIsCriticalAndPutsConditionFourAtRisk() {
    ObjectNode account = account();
    device(account).put("jailbroken", true);

    assertThat(run(CHECK, account))
        .extracting(Finding::severity, Finding::appCondition)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, 4));
  }

  @Test
  void unusedForMoreThanNinetyDays() {
    ObjectNode ninety = account();
    device(ninety).put("lastUsedOn", "2026-02-03");
    assertThat(run(CHECK, ninety)).isEmpty();

    ObjectNode ninetyOne = account();
    device(ninetyOne).put("lastUsedOn", "2026-02-02");
    assertThat(titles(CHECK, ninetyOne))
        .containsExactly("device \"phone\" unused since 2026-02-02");
  }

  @Test
  void unrecognisedUntrustedAndUnknownJailbreak() {
    ObjectNode account = account();
    device(account).put("recognised", false).put("trusted", false).putNull("jailbroken");

    assertThat(titles(CHECK, account))
        .containsExactly(
            "not known whether device \"phone\" is jailbroken or rooted",
            "unrecognised device \"phone\" is signed in",
            "no device is marked trusted");
  }
}
