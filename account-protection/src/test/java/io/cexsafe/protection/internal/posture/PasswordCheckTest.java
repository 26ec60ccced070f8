package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.posture.PostureChecks.run;
import static io.cexsafe.protection.internal.posture.PostureChecks.titles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import org.junit.jupiter.api.Test;

class PasswordCheckTest {
  private static final PasswordCheck CHECK = new PasswordCheck();

  private static ObjectNode password(ObjectNode account) {
    return (ObjectNode) account.get("password");
  }

  @Test
  void aLongManagedPasswordIsFine() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void twentyCharactersIsEnoughNineteenIsNot() {
    ObjectNode twenty = account();
    password(twenty).put("length", 20);
    assertThat(run(CHECK, twenty)).isEmpty();

    ObjectNode nineteen = account();
    password(nineteen).put("length", 19);
    assertThat(titles(CHECK, nineteen))
        .containsExactly("the password has 19 characters, fewer than 20");
  }

  @Test
  void notManagedIsMediumAndUnknownsAreInfoOrSilent() {
    ObjectNode account = account();
    password(account).putNull("lastChangedOn").put("inPasswordManager", false).putNull("length");

    assertThat(run(CHECK, account))
        .extracting(Finding::severity)
        .containsExactly(Severity.INFO, Severity.MEDIUM);

    ObjectNode unknownManager = account();
    password(unknownManager).putNull("inPasswordManager");
    assertThat(run(CHECK, unknownManager)).isEmpty();
  }
}
