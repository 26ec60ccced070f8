package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.posture.PostureChecks.run;
import static io.cexsafe.protection.internal.posture.PostureChecks.titles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.internal.ChecklistStep;
import org.junit.jupiter.api.Test;

class PasskeysCheckTest {
  private static final PasskeysCheck CHECK = new PasskeysCheck();

  @Test
  void twoPasskeysOneOnHardwareIsFine() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void nonePointsToAddingPasskeys() {
    ObjectNode account = account();
    account.putArray("passkeys");

    assertThat(run(CHECK, account))
        .extracting(Finding::title, Finding::recommendation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "no passkeys: sign-in relies on phishable factors", ChecklistStep.PASSKEYS.text()));
  }

  @Test
  void aSingleSoftwarePasskeyLacksBackupAndHardware() {
    ObjectNode account = account();
    account
        .putArray("passkeys")
        .addObject()
        .put("name", "phone")
        .put("hardwareKey", false)
        .put("addedOn", "2026-01-15");

    assertThat(run(CHECK, account))
        .extracting(Finding::control)
        .containsExactly(Control.PASSKEYS, Control.HARDWARE_KEY);
    assertThat(titles(CHECK, account).get(0)).startsWith("only one passkey");
  }
}
