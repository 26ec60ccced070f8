package io.cexsafe.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TallyTest {
  private static final Tally LICENCES = new Tally(60, 2.5, 0.5, Fmt::num, Fmt::num);

  @Test
  void confirmedCountsReachTheMaximumAndClaimsAtMostTheirShare() {
    assertThat(LICENCES.points(0, 0, 0)).isZero();
    assertThat(LICENCES.points(1.25, 0, 0)).isEqualTo(30);
    assertThat(LICENCES.points(2.5, 0, 0)).isEqualTo(60);
    assertThat(LICENCES.points(10, 0, 0)).isEqualTo(60);
    assertThat(LICENCES.points(0, 10, 0)).isEqualTo(30);
    assertThat(LICENCES.points(1.25, 10, 0)).isEqualTo(60);
    assertThat(LICENCES.points(0, 0, 0.5)).isEqualTo(12);
    assertThat(LICENCES.terms()).containsEntry("fullAt", "2.5").containsEntry("claims", "0.5");
  }

  @Test
  void badDeclarationsAreRejected() {
    assertThatThrownBy(() -> new Tally(-60, 2.5, 0.5, Fmt::num, Fmt::num))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a tally's maximum must be finite and above 0, not -60.0");
    assertThatThrownBy(() -> new Tally(60, 0, 0.5, Fmt::num, Fmt::num))
        .hasMessage("a tally is full at a finite count above 0, not 0.0");
    assertThatThrownBy(() -> new Tally(60, 2.5, 1.5, Fmt::num, Fmt::num))
        .hasMessage("claims may earn a share of the maximum within (0, 1], not 1.5");
  }

  @Test
  void negativeCountsAreRejected() {
    assertThatThrownBy(() -> LICENCES.points(-1, 0, 0))
        .hasMessage("tally counts must not be negative");
  }
}
