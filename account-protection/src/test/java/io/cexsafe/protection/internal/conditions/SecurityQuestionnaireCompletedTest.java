package io.cexsafe.protection.internal.conditions;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.TestInputs.bundled;
import static io.cexsafe.protection.internal.TestInputs.claim;
import static io.cexsafe.protection.internal.TestInputs.claimCase;
import static io.cexsafe.protection.internal.TestInputs.parseAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import org.junit.jupiter.api.Test;

class SecurityQuestionnaireCompletedTest {
  private static final SecurityQuestionnaireCompleted QUESTIONNAIRE =
      new SecurityQuestionnaireCompleted(bundled(ConditionCheck.SECURITY_QUESTIONNAIRE_COMPLETED));

  @Test
  void judgesTheClaim() {
    var done = QUESTIONNAIRE.judge(claimCase(claim()));
    assertThat(done.status()).isEqualTo(ConditionStatus.MET);
    assertThat(done.details().get(0)).contains("decided in its forensic investigation");

    var notYet =
        QUESTIONNAIRE.judge(claimCase(claim().put("securityQuestionnaireCompleted", false)));
    assertThat(notYet.status()).isEqualTo(ConditionStatus.OUTSTANDING);

    ObjectNode unknown = claim();
    unknown.putNull("securityQuestionnaireCompleted");
    assertThat(QUESTIONNAIRE.judge(claimCase(unknown)).missing())
        .containsExactly("$.securityQuestionnaireCompleted");
  }

  @Test
  void onlyAfterAnIncident() {
    assertThat(QUESTIONNAIRE.readiness(parseAccount(account())).afterIncident()).isTrue();
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(
            () ->
                new SecurityQuestionnaireCompleted(bundled(ConditionCheck.LOSS_FROM_TRANSFER_OUT)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
