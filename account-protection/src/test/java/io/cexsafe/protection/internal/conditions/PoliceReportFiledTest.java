package io.cexsafe.protection.internal.conditions;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.TestInputs.bundled;
import static io.cexsafe.protection.internal.TestInputs.claim;
import static io.cexsafe.protection.internal.TestInputs.claimCase;
import static io.cexsafe.protection.internal.TestInputs.parseAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import org.junit.jupiter.api.Test;

class PoliceReportFiledTest {
  private static final PoliceReportFiled REPORT =
      new PoliceReportFiled(bundled(ConditionCheck.POLICE_REPORT_FILED));

  private static ConditionResult judge(ObjectNode report) {
    ObjectNode claim = claim();
    if (report == null) {
      claim.putNull("policeReport");
    } else {
      claim.set("policeReport", report);
    }
    return REPORT.judge(claimCase(claim));
  }

  private static ObjectNode report(String language, Boolean translated) {
    ObjectNode report = claim().objectNode().put("filed", true).put("filedOn", "2026-03-11");
    if (language == null) {
      report.putNull("language");
    } else {
      report.put("language", language);
    }
    if (translated == null) {
      report.putNull("englishTranslationProvided");
    } else {
      report.put("englishTranslationProvided", translated);
    }
    return report;
  }

  @Test
  void inEnglishOrTranslatedIsMet() {
    assertThat(judge(report("en", null)).details())
        .containsExactly("police report filed on 2026-03-11, in English");
    ConditionResult translated = judge(report("fr", true));
    assertThat(translated.status()).isEqualTo(ConditionStatus.MET);
    assertThat(translated.details())
        .containsExactly(
            "police report filed on 2026-03-11 in language \"fr\", with an English translation");
  }

  @Test
  void stillToDoIsOutstanding() {
    ConditionResult notFiled = judge(claim().objectNode().put("filed", false));
    assertThat(notFiled.status()).isEqualTo(ConditionStatus.OUTSTANDING);

    ConditionResult untranslated = judge(report("fr", false));
    assertThat(untranslated.status()).isEqualTo(ConditionStatus.OUTSTANDING);
    assertThat(untranslated.details().get(0)).endsWith("an English translation must be provided");
  }

  @Test
  void unknownFactsAreAskedForOneAtATime() {
    assertThat(judge(null).missing()).containsExactly("$.policeReport");
    assertThat(judge(report(null, null)).missing()).containsExactly("$.policeReport.language");
    assertThat(judge(report("fr", null)).missing())
        .containsExactly("$.policeReport.englishTranslationProvided");
  }

  @Test
  void onlyAfterAnIncident() {
    Readiness readiness = REPORT.readiness(parseAccount(account()));
    assertThat(readiness.afterIncident()).isTrue();
    assertThat(readiness.gaps()).isEmpty();
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(
            () -> new PoliceReportFiled(bundled(ConditionCheck.SECURITY_QUESTIONNAIRE_COMPLETED)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
