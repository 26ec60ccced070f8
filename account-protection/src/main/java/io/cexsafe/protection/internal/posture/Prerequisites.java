package io.cexsafe.protection.internal.posture;

import io.cexsafe.protection.AccountSettings;
import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.ProtectionProgramme;
import java.util.ArrayList;
import java.util.List;

/** The programme's prerequisites that are not conditions: KYC and the country of residence. */
final class Prerequisites {
  private Prerequisites() {}

  static List<ReadinessGap> gaps(ProtectionProgramme programme, AccountSettings account) {
    List<ReadinessGap> gaps = new ArrayList<>();
    if (programme.kycRequired()) {
      if (account.kycCompleted() == null) {
        gaps.add(new ReadinessGap(null, "kyc", "not known whether KYC is complete", true));
      } else if (!account.kycCompleted()) {
        gaps.add(
            new ReadinessGap(null, "kyc", "KYC is not complete: the programme requires it", false));
      }
    }
    if (!programme.countries().isEmpty()) {
      if (account.country() == null) {
        gaps.add(new ReadinessGap(null, "country", "country of residence not given", true));
      } else if (!programme.availableIn(account.country())) {
        gaps.add(
            new ReadinessGap(
                null,
                "country",
                "the programme is not available in "
                    + account.country()
                    + " (it covers "
                    + programme.countries().size()
                    + " countries)",
                false));
      }
    }
    return gaps;
  }
}
