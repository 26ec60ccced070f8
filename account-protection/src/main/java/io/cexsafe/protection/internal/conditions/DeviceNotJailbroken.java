package io.cexsafe.protection.internal.conditions;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.AccountSettings.Device;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.ProtectionProgramme.MinimumCondition;
import java.util.List;

/** {@link ConditionCheck#DEVICE_NOT_JAILBROKEN}. */
public record DeviceNotJailbroken(MinimumCondition condition) implements ProgrammeCondition {
  public DeviceNotJailbroken {
    Results.requireCheck(condition, ConditionCheck.DEVICE_NOT_JAILBROKEN);
  }

  @Override
  public ConditionResult judge(ClaimCase claim) {
    Boolean jailbroken = claim.claim().jailbrokenDevice();
    if (jailbroken == null) {
      return Results.unknown(condition, "$.jailbrokenDevice");
    }
    return jailbroken
        ? Results.notMet(condition, "the device used with the account was jailbroken or rooted")
        : Results.met(condition, "the device was not jailbroken");
  }

  @Override
  public Readiness readiness(AccountSettings account) {
    List<String> jailbroken =
        account.devices().stream()
            .filter(d -> Boolean.TRUE.equals(d.jailbroken()))
            .map(Device::name)
            .toList();
    if (!jailbroken.isEmpty()) {
      return Readiness.of(
          List.of(
              Results.gap(
                  condition,
                  "jailbroken or rooted device(s): " + String.join(", ", jailbroken),
                  false)));
    }
    if (account.devices().stream().anyMatch(d -> d.jailbroken() == null)) {
      return Readiness.of(
          List.of(
              Results.gap(condition, "not known whether every device is free of jailbreak", true)));
    }
    return Readiness.of(List.of());
  }
}
