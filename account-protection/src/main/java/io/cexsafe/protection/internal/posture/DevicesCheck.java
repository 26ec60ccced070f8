package io.cexsafe.protection.internal.posture;

import static io.cexsafe.protection.internal.posture.Findings.finding;

import io.cexsafe.protection.AccountSettings.Device;
import io.cexsafe.protection.PostureReport.Control;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.PostureReport.Severity;
import io.cexsafe.protection.internal.ChecklistStep;
import io.cexsafe.protection.internal.conditions.DeviceNotJailbroken;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Signed-in devices: none jailbroken, none unrecognised or long unused, one trusted. */
public final class DevicesCheck implements PostureCheck {
  /** A device unused for longer than this is considered unused. */
  static final int UNUSED_AFTER_DAYS = 90;

  @Override
  public List<Finding> findings(AuditSubject subject) {
    List<Device> devices = subject.account().devices();
    Integer jailbreak = subject.conditions().numberOf(DeviceNotJailbroken.class);
    LocalDate today = subject.today();
    List<Finding> findings = new ArrayList<>();
    for (Device device : devices) {
      if (Boolean.TRUE.equals(device.jailbroken())) {
        findings.add(
            finding(
                Severity.CRITICAL,
                Control.DEVICES,
                "jailbroken or rooted device \"" + device.name() + "\" is signed in",
                ChecklistStep.NO_JAILBROKEN_DEVICE,
                jailbreak));
      } else if (device.jailbroken() == null) {
        findings.add(
            finding(
                Severity.INFO,
                Control.DEVICES,
                "not known whether device \"" + device.name() + "\" is jailbroken or rooted",
                ChecklistStep.NO_JAILBROKEN_DEVICE,
                jailbreak));
      }
      if (!device.recognised()) {
        findings.add(
            finding(
                Severity.HIGH,
                Control.DEVICES,
                "unrecognised device \"" + device.name() + "\" is signed in",
                ChecklistStep.REMOVE_UNRECOGNISED_DEVICE,
                null));
      } else if (device.lastUsedOn() != null
          && ChronoUnit.DAYS.between(device.lastUsedOn(), today) > UNUSED_AFTER_DAYS) {
        findings.add(
            finding(
                Severity.LOW,
                Control.DEVICES,
                "device \"" + device.name() + "\" unused since " + device.lastUsedOn(),
                ChecklistStep.REMOVE_UNUSED_DEVICE,
                null));
      }
    }
    if (!devices.isEmpty() && devices.stream().noneMatch(Device::trusted)) {
      findings.add(
          finding(
              Severity.LOW,
              Control.DEVICES,
              "no device is marked trusted",
              ChecklistStep.TRUST_DEVICE,
              null));
    }
    return findings;
  }
}
