package io.cexsafe.protection.internal.posture;

import io.cexsafe.protection.PostureReport.Finding;
import java.util.List;

/**
 * One part of the hardening checklist: what is wrong with the account's settings, each finding with
 * the step to take. A new check is one new type here plus its place in {@link #all()}.
 */
public sealed interface PostureCheck
    permits TwoFactorCheck,
        PasskeysCheck,
        AntiPhishingCodeCheck,
        WithdrawalControlsCheck,
        DevicesCheck,
        ApiKeysCheck,
        PasswordCheck,
        EmailCheck,
        EligibilityCheck,
        OverdueMaintenanceCheck {

  /** The findings, in the order found (the report sorts them). */
  List<Finding> findings(AuditSubject subject);

  /** Every check, in the order their findings are gathered. */
  static List<PostureCheck> all() {
    return List.of(
        new TwoFactorCheck(),
        new PasskeysCheck(),
        new AntiPhishingCodeCheck(),
        new WithdrawalControlsCheck(),
        new DevicesCheck(),
        new ApiKeysCheck(),
        new PasswordCheck(),
        new EmailCheck(),
        new EligibilityCheck(),
        new OverdueMaintenanceCheck());
  }
}
