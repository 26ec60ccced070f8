package io.cexsafe.protection.internal.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.cexsafe.protection.ProtectionProgrammes;
import io.cexsafe.protection.internal.TestInputs;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostureCheckTest {
  @Test
  void allRunsEveryPermittedCheckOnce() {
    List<Class<?>> listed = new java.util.ArrayList<>();
    PostureCheck.all().forEach(c -> listed.add(c.getClass()));

    assertThat(listed)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            Arrays.asList(PostureCheck.class.getPermittedSubclasses()));
  }

  @Test
  void aHardenedAccountPassesEveryCheck() {
    AuditSubject subject =
        AuditSubject.of(
            TestInputs.parseAccount(TestInputs.account()), ProtectionProgrammes.cryptoComApp());

    for (PostureCheck check : PostureCheck.all()) {
      assertThat(check.findings(subject)).as(check.getClass().getSimpleName()).isEmpty();
    }
  }

  @Test
  void theSubjectRejectsMissingParts() {
    var account = TestInputs.parseAccount(TestInputs.account());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditSubject.of(account, null))
        .isInstanceOf(NullPointerException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new AuditSubject(null, ProtectionProgrammes.cryptoComApp(), null))
        .isInstanceOf(NullPointerException.class);
  }
}
