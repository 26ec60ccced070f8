package io.cexsafe.protection.internal.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cexsafe.protection.PostureReport.ReadinessGap;
import io.cexsafe.protection.internal.TestInputs;
import io.cexsafe.protection.internal.conditions.Readiness.WaitingPeriod;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCaseAndReadinessTest {
  @Test
  void claimCaseGivesTransactionDatesInTheClaimantsZone() {
    var json = TestInputs.claim();
    json.withArray("transactions")
        .add(
            TestInputs.transaction("2026-03-09T23:30:00Z", "DIGITAL_ASSET_WITHDRAWAL", "BTC", "1"));
    ClaimCase claimCase = TestInputs.claimCase(json);

    assertThat(claimCase.candidates()).containsExactly(0, 1);
    assertThat(claimCase.dateOf(1)).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(claimCase.transaction(1).asset()).isEqualTo("BTC");
  }

  @Test
  void claimCaseRejectsAnIndexOutsideTheClaim() {
    var claim = TestInputs.parseClaim(TestInputs.claim());

    assertThatThrownBy(() -> new ClaimCase(claim, List.of(0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("candidate 1");
    assertThatThrownBy(() -> new ClaimCase(claim, List.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClaimCase(null, List.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void readinessAfterAnIncidentHasNothingToDoToday() {
    ReadinessGap gap = new ReadinessGap(1, "mfa", "off", false);

    assertThatThrownBy(() -> new Readiness(List.of(gap), null, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Readiness(List.of(), new WaitingPeriod(LocalDate.of(2026, 1, 1), null), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Readiness.of(List.of(gap)).gaps()).containsExactly(gap);
  }

  @Test
  void anAssumedControlHasAKnownDate() {
    assertThatThrownBy(() -> new WaitingPeriod(null, "2FA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(WaitingPeriod.unknown().known()).isFalse();
    assertThat(new WaitingPeriod(LocalDate.of(2026, 5, 25), "2FA").known()).isTrue();
  }
}
