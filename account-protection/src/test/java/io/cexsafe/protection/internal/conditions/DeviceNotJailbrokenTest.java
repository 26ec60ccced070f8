package io.cexsafe.protection.internal.conditions;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.TestInputs.bundled;
import static io.cexsafe.protection.internal.TestInputs.claim;
import static io.cexsafe.protection.internal.TestInputs.claimCase;
import static io.cexsafe.protection.internal.TestInputs.parseAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import org.junit.jupiter.api.Test;

class DeviceNotJailbrokenTest {
  private static final DeviceNotJailbroken DEVICE =
      new DeviceNotJailbroken(bundled(ConditionCheck.DEVICE_NOT_JAILBROKEN));

  @Test
  void judgesTheClaim() {
    assertThat(DEVICE.judge(claimCase(claim())).details())
        .containsExactly("the device was not jailbroken");

    var jailbroken = DEVICE.judge(claimCase(claim().put("jailbrokenDevice", true)));
    assertThat(jailbroken.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(jailbroken.details())
        .containsExactly("the device used with the account was jailbroken or rooted");

    ObjectNode unknown = claim();
    unknown.putNull("jailbrokenDevice");
    assertThat(DEVICE.judge(claimCase(unknown)).missing()).containsExactly("$.jailbrokenDevice");
  }

  private static ObjectNode withDevices(Boolean... jailbroken) {
    ObjectNode account = account();
    ArrayNode devices = account.putArray("devices");
    for (int i = 0; i < jailbroken.length; i++) {
      ObjectNode d =
          devices
              .addObject()
              .put("name", "device " + i)
              .put("trusted", true)
              .put("recognised", true)
              .put("lastUsedOn", "2026-05-03");
      if (jailbroken[i] == null) {
        d.putNull("jailbroken");
      } else {
        d.put("jailbroken", jailbroken[i]);
      }
    }
    return account;
  }

  @Test
  void readinessNamesEveryJailbrokenDeviceBeforeAnyUnknownOne() {
    assertThat(DEVICE.readiness(parseAccount(withDevices(false, false))).gaps()).isEmpty();
    assertThat(DEVICE.readiness(parseAccount(withDevices())).gaps()).isEmpty();

    assertThat(DEVICE.readiness(parseAccount(withDevices(true, null, true))).gaps())
        .extracting(ReadinessGap::problem, ReadinessGap::unknown)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "jailbroken or rooted device(s): device 0, device 2", false));

    assertThat(DEVICE.readiness(parseAccount(withDevices(false, null))).gaps())
        .extracting(ReadinessGap::problem, ReadinessGap::unknown)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "not known whether every device is free of jailbreak", true));
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(() -> new DeviceNotJailbroken(bundled(ConditionCheck.POLICE_REPORT_FILED)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
