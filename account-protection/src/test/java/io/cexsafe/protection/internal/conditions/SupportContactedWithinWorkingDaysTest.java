package io.cexsafe.protection.internal.conditions;

import static io.cexsafe.protection.internal.TestInputs.account;
import static io.cexsafe.protection.internal.TestInputs.bundled;
import static io.cexsafe.protection.internal.TestInputs.claim;
import static io.cexsafe.protection.internal.TestInputs.claimCase;
import static io.cexsafe.protection.internal.TestInputs.parseAccount;
import static io.cexsafe.protection.internal.TestInputs.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cexsafe.protection.ClaimAssessment.ClaimDeadline;
import io.cexsafe.protection.ClaimAssessment.ConditionResult;
import io.cexsafe.protection.ClaimAssessment.ConditionStatus;
import io.cexsafe.protection.ConditionCheck;
import io.cexsafe.protection.internal.TestInputs;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transaction is on Tuesday 2026-03-10: without holidays, working day 30 is 2026-04-21. */
class SupportContactedWithinWorkingDaysTest {
  private static final SupportContactedWithinWorkingDays SUPPORT =
      new SupportContactedWithinWorkingDays(
          bundled(ConditionCheck.SUPPORT_CONTACTED_WITHIN_WORKING_DAYS));

  private static ObjectNode contactedOn(String date) {
    ObjectNode claim = claim();
    claim.putObject("supportContact").put("contacted", true).put("contactedOn", date);
    return claim;
  }

  @Test
  void lastWorkingDayIsInTimeAndTheNextIsNot() {
    ConditionResult inTime = SUPPORT.judge(claimCase(contactedOn("2026-04-21")));
    assertThat(inTime.status()).isEqualTo(ConditionStatus.MET);
    assertThat(inTime.details())
        .containsExactly(
            "support contacted on 2026-04-21, within 30 working days of every transaction");

    ConditionResult late = SUPPORT.judge(claimCase(contactedOn("2026-04-22")));
    assertThat(late.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(late.failingTransactions()).containsExactly(0);
    assertThat(late.details())
        .containsExactly(
            "transactions[0] on 2026-03-10: support contacted on 2026-04-22, working day 31; the"
                + " last day was 2026-04-21 (working day 30)");
  }

  @Test
  void holidaysMoveTheLastDay() {
    ObjectNode claim = contactedOn("2026-04-23");
    claim.putObject("calendar").putArray("holidays").add("2026-04-03").add("2026-04-06");

    assertThat(SUPPORT.judge(claimCase(claim)).status()).isEqualTo(ConditionStatus.MET);
  }

  @Test
  void notContactedYetIsOutstandingUntilTheLastDayThenNotMet() {
    ObjectNode open = claim().put("evaluatedOn", "2026-04-21");
    open.putObject("supportContact").put("contacted", false);
    ConditionResult outstanding = SUPPORT.judge(claimCase(open));
    assertThat(outstanding.status()).isEqualTo(ConditionStatus.OUTSTANDING);
    assertThat(outstanding.details())
        .containsExactly(
            "support not contacted yet: contact support by 2026-04-21 (working day 30 after the"
                + " first transaction)");

    ObjectNode closed = claim().put("evaluatedOn", "2026-04-22");
    closed.putObject("supportContact").put("contacted", false);
    ConditionResult notMet = SUPPORT.judge(claimCase(closed));
    assertThat(notMet.status()).isEqualTo(ConditionStatus.NOT_MET);
    assertThat(notMet.details().get(0)).endsWith("too late now");
  }

  @Test
  void unknownFacts() {
    ObjectNode none = claim();
    none.putNull("supportContact");
    assertThat(SUPPORT.judge(claimCase(none)).missing()).containsExactly("$.supportContact");

    ObjectNode undated = claim();
    undated.putObject("supportContact").put("contacted", true).putNull("contactedOn");
    assertThat(SUPPORT.judge(claimCase(undated)).missing())
        .containsExactly("$.supportContact.contactedOn");
  }

  @Test
  void deadlineCountsFromTheFirstCandidate() {
    ObjectNode claim = contactedOn("2026-03-12");
    claim
        .withArray("transactions")
        .add(transaction("2026-03-02T09:00:00Z", "DIGITAL_ASSET_WITHDRAWAL", "BTC", "0.1"));

    ClaimDeadline both = SUPPORT.deadline(claimCase(claim));
    assertThat(both.occurredOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(both.workingDays()).isEqualTo(30);
    assertThat(both.contactedOn()).isEqualTo(LocalDate.of(2026, 3, 12));
    assertThat(both.passed()).isTrue();

    ClaimDeadline secondOnly =
        SUPPORT.deadline(new ClaimCase(TestInputs.parseClaim(claim()), List.of(0)));
    assertThat(secondOnly.lastDay()).isEqualTo(LocalDate.of(2026, 4, 21));
  }

  @Test
  void deadlineNeedsACandidate() {
    ClaimCase none = new ClaimCase(TestInputs.parseClaim(claim()), List.of());

    assertThatThrownBy(() -> SUPPORT.deadline(none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no candidate");
  }

  @Test
  void onlyAfterAnIncident() {
    assertThat(SUPPORT.readiness(parseAccount(account())).afterIncident()).isTrue();
  }

  @Test
  void rejectsAConditionOfAnotherCheck() {
    assertThatThrownBy(
            () ->
                new SupportContactedWithinWorkingDays(
                    bundled(ConditionCheck.ANTI_PHISHING_CODE_ENABLED_BEFORE_TRANSACTION)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
