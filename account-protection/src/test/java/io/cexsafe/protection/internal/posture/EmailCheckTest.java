package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.posture.PostureChecks.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import org.junit.jupiter.api.Test;

class EmailCheckTest {
  private static final EmailCheck CHECK = new EmailCheck();

  @Test
  void aDedicatedMailboxWithTwoFactorIsFine() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void noTwoFactorAndASharedAddress() {
    ObjectNode account = account();
    account.putObject("email").put("twoFactorEnabled", false).put("dedicatedAddress", false);

    assertThat(run(CHECK, account))
        .extracting(Finding::severity, Finding::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.HIGH, "the mailbox behind the account has no 2FA"),
            org.assertj.core.groups.Tuple.tuple(
                Severity.LOW, "the account's email address is also used elsewhere"));
  }

  @Test
  void unknownTwoFactorIsAskedUnknownAddressIsNot() {
    ObjectNode account = account();
    account.putObject("email").putNull("twoFactorEnabled").putNull("dedicatedAddress");

    assertThat(run(CHECK, account)).extracting(Finding::severity).containsExactly(Severity.INFO);
  }
}
