package io.cexsafe.protection.internal.posture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.PostureReport.Finding;
import io.cexsafe.protection.ProtectionProgramme;
import io.cexsafe.protection.ProtectionProgrammes;
import io.cexsafe.protection.internal.TestInputs;
import java.util.List;

/** Runs one check on an account, against the bundled programme or another. */
final class PostureChecks {
  private PostureChecks() {}

  static List<Finding> run(PostureCheck check, ObjectNode account) {
    return run(check, account, ProtectionProgrammes.cryptoComApp());
  }

  static List<Finding> run(PostureCheck check, ObjectNode account, ProtectionProgramme programme) {
    return check.findings(AuditSubject.of(TestInputs.parseAccount(account), programme));
  }

  static List<String> titles(PostureCheck check, ObjectNode account) {
    return run(check, account).stream().map(Finding::title).toList();
  }

  /** The bundled programme without any minimum condition the posture checks refer to. */
  static ProtectionProgramme withoutAccountConditions() {
    return TestInputs.programmeWith(
        ProtectionProgrammes.cryptoComApp().minimumConditions().stream()
            .filter(c -> c.number() >= 5 && c.number() != 8)
            .toList());
  }
}
