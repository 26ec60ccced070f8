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

class ApiKeysCheckTest {
  private static final ApiKeysCheck CHECK = new ApiKeysCheck();

  /** An account with one key used yesterday, created and rotated on the given dates. */
  private static ObjectNode withKey(
      String ip, String created, String rotated, String... permissions) {
    ObjectNode account = account();
    ObjectNode key = account.putArray("apiKeys").addObject();
    key.put("label", "bot");
    ArrayNode perms = key.putArray("permissions");
    for (String p : permissions) {
      perms.add(p);
    }
    ArrayNode ips = key.putArray("ipAllowList");
    if (ip != null) {
      ips.add(ip);
    }
    key.put("createdOn", created);
    if (rotated == null) {
      key.putNull("lastRotatedOn");
    } else {
      key.put("lastRotatedOn", rotated);
    }
    key.put("lastUsedOn", "2026-05-03");
    key.put("subAccount", "bots");
    account.putArray("subAccounts").add("bots");
    return account;
  }

  @Test
  void aReadOnlyKeyInUseIsFine() {
    assertThat(run(CHECK, account())).isEmpty();
  }

  @Test
  void withdrawalRightsWithAndWithoutAnIpAllowList() {
    assertThat(run(CHECK, withKey(null, "2026-04-01", null, "READ", "WITHDRAW")))
        .extracting(Finding::severity, Finding::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.HIGH, "API key \"bot\" can withdraw and is not restricted by IP"));
    assertThat(run(CHECK, withKey("203.0.113.7", "2026-04-01", null, "READ", "WITHDRAW")))
        .extracting(Finding::severity, Finding::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.MEDIUM, "API key \"bot\" can withdraw (IP-restricted)"));
  }

  @Test
  void otherPowersAreNamedInOrder() {
    assertThat(titles(CHECK, withKey(null, "2026-04-01", null, "TRANSFER", "READ", "TRADE")))
        .containsExactly("API key \"bot\" can trade and transfer and is not restricted by IP");
  }

  @Test
  void rotationIsDueAfterNinetyDays() {
    assertThat(run(CHECK, withKey("203.0.113.7", "2025-01-01", "2026-02-03", "READ", "TRADE")))
        .isEmpty();
    assertThat(titles(CHECK, withKey("203.0.113.7", "2025-01-01", "2026-02-02", "READ", "TRADE")))
        .containsExactly("API key \"bot\" not rotated since 2026-02-02");
  }

  @Test
  void aKeyNeverUsedCountsFromItsCreation() {
    ObjectNode account = account();
    ((ObjectNode) account.get("apiKeys").get(0))
        .putNull("lastUsedOn")
        .put("createdOn", "2026-01-10");

    assertThat(titles(CHECK, account))
        .containsExactly(
            "API key \"tax tool\" has no recorded use since it was created on 2026-01-10");
  }

  @Test
  void powerfulKeysOnTheMainAccountAskForSubAccounts() {
    ObjectNode account = withKey("203.0.113.7", "2026-04-01", null, "READ", "TRADE");
    ((ObjectNode) account.get("apiKeys").get(0)).putNull("subAccount");
    account.putArray("subAccounts");

    assertThat(run(CHECK, account))
        .extracting(Finding::control)
        .containsExactly(Control.SUB_ACCOUNTS);
  }
}
