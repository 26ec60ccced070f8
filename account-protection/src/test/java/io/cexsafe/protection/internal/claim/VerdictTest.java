package io.cexsafe.protection.internal.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ClaimAssessment.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static ConditionResult result(int number, String id, ConditionStatus status) {
    return new ConditionResult(number, id, "text", status, List.of(), List.of(), List.of());
  }

  @Test
  void failingAndOutstandingConditionsAreListedInOrder() {
    Verdict verdict =
        Verdict.of(
            List.of(
                result(1, "mfa", ConditionStatus.MET),
                result(5, "police-report", ConditionStatus.OUTSTANDING),
                result(7, "support", ConditionStatus.NOT_MET)),
            List.of("$.country"),
            true);

    assertThat(verdict.outcome()).isEqualTo(Outcome.CONDITIONS_NOT_MET);
    assertThat(verdict.summary())
        .isEqualTo("Minimum conditions not met: 5 (police-report, outstanding), 7 (support).");
  }

  @Test
  void missingFactsAreCountedInTheirOwnGrammar() {
    List<ConditionResult> unknown = List.of(result(1, "mfa", ConditionStatus.UNKNOWN));

    assertThat(Verdict.of(unknown, List.of("$.mfa"), false).summary())
        .isEqualTo("Nothing fails so far, but 1 fact is still needed: $.mfa.");
    Verdict two = Verdict.of(unknown, List.of("$.mfa", "$.cause"), false);
    assertThat(two.outcome()).isEqualTo(Outcome.INFORMATION_NEEDED);
    assertThat(two.summary())
        .isEqualTo("Nothing fails so far, but 2 facts are still needed: $.mfa, $.cause.");
  }

  @Test
  void meetingTheConditionsMentionsDiscretionOnlyWhenThereIsSome() {
    List<ConditionResult> met = List.of(result(1, "mfa", ConditionStatus.MET));

    assertThat(Verdict.of(met, List.of(), true).summary())
        .isEqualTo(
            "Meets the programme's minimum conditions. Relief is not guaranteed: it stays at the"
                + " exchange's discretion.");
    assertThat(Verdict.of(met, List.of(), false).summary())
        .isEqualTo("Meets the programme's minimum conditions.");
    assertThat(Verdict.of(List.of(), List.of(), false).outcome())
        .isEqualTo(Outcome.MEETS_MINIMUM_CONDITIONS);
  }

  @Test
  void rejectsMissingParts() {
    assertThatThrownBy(() -> new Verdict(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Verdict(Outcome.NOT_COVERED, null))
        .isInstanceOf(NullPointerException.class);
  }
}
