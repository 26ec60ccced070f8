package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeductionTest {
  @Test
  void startsAtTheMaximumAndIsFlooredAtZero() {
    Deduction losses = Deduction.startingAt(70);
    assertThat(losses.max()).isEqualTo(70);
    assertThat(losses.perUnit()).isEqualTo(70);
    assertThat(losses.remaining(0)).isEqualTo(70);
    assertThat(losses.remaining(21)).isEqualTo(49);
    assertThat(losses.remaining(700)).isZero();
    assertThat(losses.terms()).isEmpty();
  }

  @Test
  void aSmallerPenaltyPerUnitIsARubricTerm() {
    Deduction response = Deduction.startingAt(30).per(10);
    assertThat(response.perUnit()).isEqualTo(10);
    assertThat(response.terms()).containsEntry("per", "10");
    assertThat(Rubric.render("track-record.x", "Starts at {max}, {per} per gap.", response))
        .isEqualTo("Starts at 30, 10 per gap.");
  }

  @Test
  void badDeclarationsAreRejected() {
    assertThatThrownBy(() -> Deduction.startingAt(-70))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a deduction starts at a finite maximum above 0, not -70.0");
    assertThatThrownBy(() -> Deduction.startingAt(30).per(40))
        .hasMessage("a penalty per unit must lie above 0 and not above the maximum 30");
    assertThatThrownBy(() -> Deduction.startingAt(30).remaining(-1))
        .hasMessage("a penalty must not be negative, not -1.0");
  }
}
